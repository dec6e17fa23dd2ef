2 *** 3
# error: syntax-star-star-star.mg:1:5: error: expected an expression, found '*'
