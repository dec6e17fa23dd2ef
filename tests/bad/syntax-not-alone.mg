not
# error: syntax-not-alone.mg:1:4: error: unexpected end of line, expected an expression
