x = 2
x.pow()
# error: arity-method-pow.mg:2:1: error: x.pow(y) passes x as the first of pow's 2 arguments, so give 1 inside the parentheses, not 0
