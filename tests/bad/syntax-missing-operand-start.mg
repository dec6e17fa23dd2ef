* 2
# error: syntax-missing-operand-start.mg:1:1: error: expected an expression, found '*'
