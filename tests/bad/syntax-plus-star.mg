1 +* 2
# error: syntax-plus-star.mg:1:4: error: expected an expression, found '*'
