x = 1
x.1
# error: syntax-attr-number.mg:2:2: error: expected end of line, found number .1
