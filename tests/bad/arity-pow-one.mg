pow(2)
# error: arity-pow-one.mg:1:1: error: pow takes 2 arguments, not 1
