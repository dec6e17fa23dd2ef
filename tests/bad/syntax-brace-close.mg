}
# error: syntax-brace-close.mg:1:1: error: expected an expression, found '}'
