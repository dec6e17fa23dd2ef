a = 2
b = a.tanh(3)

# expect: a = 2
# expect-err: err_method_arity.mg:2:5: error: x.tanh() passes x as tanh's one argument, so the parentheses stay empty
# expect-err:     2 | b = a.tanh(3)
# expect-err:       |     ^~~~~~~~~
# exit: 1
