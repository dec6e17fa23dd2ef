*
# error: syntax-star-alone.mg:1:1: error: expected an expression, found '*'
