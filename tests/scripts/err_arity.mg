x = tanh(1, 2)

# expect-err: err_arity.mg:1:5: error: tanh takes 1 argument, not 2
# expect-err:     1 | x = tanh(1, 2)
# expect-err:       |     ^~~~~~~~~~
# exit: 1
