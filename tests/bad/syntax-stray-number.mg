1 2
# error: syntax-stray-number.mg:1:3: error: expected end of line, found number 2
