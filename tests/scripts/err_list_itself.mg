xs = [1, 2]
xs[0] = xs

# expect: xs = [1, 2]
# expect-err: err_list_itself.mg:2:1: error: a list cannot hold itself
# expect-err:     2 | xs[0] = xs
# expect-err:       | ^~~~~~~~~~
# exit: 1
