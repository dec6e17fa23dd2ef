exp(1, 2, 3)
# error: arity-exp-three.mg:1:1: error: exp takes 1 argument, not 3
