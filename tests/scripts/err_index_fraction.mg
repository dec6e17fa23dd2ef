xs = [1, 2, 3]
xs[1.5]

# expect: xs = [1, 2, 3]
# expect-err: err_index_fraction.mg:2:1: error: a list index is a whole number, not a fraction
# expect-err:     2 | xs[1.5]
# expect-err:       | ^~~~~~~
# exit: 1
