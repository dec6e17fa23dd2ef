^ 2
# error: syntax-caret-leading.mg:1:1: error: expected an expression, found '^'
