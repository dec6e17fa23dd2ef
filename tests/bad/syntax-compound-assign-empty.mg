a = 1
a +=
# error: syntax-compound-assign-empty.mg:2:5: error: unexpected end of line, expected an expression
