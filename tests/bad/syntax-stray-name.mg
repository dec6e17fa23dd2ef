a = 1; b = 2
a b
# error: syntax-stray-name.mg:2:3: error: expected end of line, found name 'b'
