x = 1
x.tanh(2)
# error: arity-method-extra.mg:2:1: error: x.tanh() passes x as tanh's one argument, so the parentheses stay empty
