or 1
# error: syntax-or-leading.mg:1:1: error: expected an expression, found 'or'
