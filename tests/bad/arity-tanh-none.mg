tanh()
# error: arity-tanh-none.mg:1:1: error: tanh takes 1 argument, not 0
