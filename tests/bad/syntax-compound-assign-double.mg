a = 1
a += = 1
# error: syntax-compound-assign-double.mg:2:6: error: expected an expression, found '='
