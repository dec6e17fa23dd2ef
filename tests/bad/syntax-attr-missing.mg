x = 1
x.
# error: syntax-attr-missing.mg:2:3: error: unexpected end of line, expected a name
