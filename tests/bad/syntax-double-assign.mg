a = = 2
# error: syntax-double-assign.mg:1:5: error: expected an expression, found '='
