mlp(2, [])

# expect-err: err_mlp_sizes.mg:1:1: error: mlp: give from 1 to 1000 layer sizes, as in mlp(3, [4, 4, 1])
# expect-err:     1 | mlp(2, [])
# expect-err:       | ^~~~~~~~~~
# exit: 1
