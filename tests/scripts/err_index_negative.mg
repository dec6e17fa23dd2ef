xs = [1, 2, 3]
xs[-4] = 0

# expect: xs = [1, 2, 3]
# expect-err: err_index_negative.mg:2:1: error: index -4 is out of range for a list of length 3
# expect-err:     2 | xs[-4] = 0
# expect-err:       | ^~~~~~~~~~
# exit: 1
