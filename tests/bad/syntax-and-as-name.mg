and = 1
# error: syntax-and-as-name.mg:1:1: error: expected an expression, found 'and'
