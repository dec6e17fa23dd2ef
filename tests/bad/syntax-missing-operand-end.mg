x = 1 +
# error: syntax-missing-operand-end.mg:1:8: error: unexpected end of line, expected an expression
