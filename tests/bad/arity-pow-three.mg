pow(1, 2, 3)
# error: arity-pow-three.mg:1:1: error: pow takes 2 arguments, not 3
