xs = [1, 2];
xs(0)

# expect-err: err_call_value.mg:2:1: error: 'xs' is a list, not a function
# expect-err:     2 | xs(0)
# expect-err:       | ^~~~~
# exit: 1
