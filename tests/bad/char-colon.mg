a: 1
# error: char-colon.mg:1:2: error: expected end of line, found ':'
