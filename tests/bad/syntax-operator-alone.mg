+
# error: syntax-operator-alone.mg:1:2: error: unexpected end of line, expected an expression
