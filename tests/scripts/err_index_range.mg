# Indexing out of range names the index and the length.
xs = [1, 2, 3]
xs[3]

# expect: xs = [1, 2, 3]
# expect-err: err_index_range.mg:3:1: error: index 3 is out of range for a list of length 3
# expect-err:     3 | xs[3]
# expect-err:       | ^~~~~
# exit: 1
