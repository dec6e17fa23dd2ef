= 2
# error: syntax-assign-nothing-left.mg:1:1: error: expected an expression, found '='
