tanh(1, 2)
# error: arity-tanh-two.mg:1:1: error: tanh takes 1 argument, not 2
