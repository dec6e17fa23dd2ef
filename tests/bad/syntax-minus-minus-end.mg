x = 1 - -
# error: syntax-minus-minus-end.mg:1:10: error: unexpected end of line, expected an expression
