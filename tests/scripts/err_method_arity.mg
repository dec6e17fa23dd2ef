a = 2
b = a.tanh(3)

# expect: a = 2
# expect-err: err_method_arity.mg:2:5: error: tanh takes 1 argument and x.tanh(...) passes x as the first, so 0 go inside the parentheses, not 1
# expect-err:     2 | b = a.tanh(3)
# expect-err:       |     ^~~~~~~~~
# exit: 1
