a, b = [1, 2, 3]

# expect-err: err_unpack_count.mg:1:1: error: cannot unpack a list of 3 into 2 names
# expect-err:     1 | a, b = [1, 2, 3]
# expect-err:       | ^~~~~~~~~~~~~~~~
# exit: 1
