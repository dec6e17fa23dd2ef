acts = [tanh, relu];
acts[0](1, 2)

# expect-err: err_builtin_value_arity.mg:2:1: error: tanh takes 1 argument, not 2
# expect-err:     2 | acts[0](1, 2)
# expect-err:       | ^~~~~~~~~~~~~
# exit: 1
