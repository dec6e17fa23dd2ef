set digits = 8
# error: syntax-set-equals.mg:1:15: error: unexpected end of line, expected '..'
