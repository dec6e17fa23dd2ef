a =
# error: syntax-assign-nothing-right.mg:1:4: error: unexpected end of line, expected an expression
