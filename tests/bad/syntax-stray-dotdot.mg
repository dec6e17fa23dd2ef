1..2
# error: syntax-stray-dotdot.mg:1:2: error: expected end of line, found '..'
