x = 1
x..data
# error: syntax-attr-dotdot.mg:2:2: error: expected end of line, found '..'
