2..data
# error: syntax-attr-of-literal.mg:1:2: error: expected end of line, found '..'
