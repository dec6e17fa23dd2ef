1 < < 2
# error: syntax-compare-double.mg:1:5: error: expected an expression, found '<'
