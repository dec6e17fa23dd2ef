]
# error: syntax-bracket-close.mg:1:1: error: expected an expression, found ']'
