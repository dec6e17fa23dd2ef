x = 1 "s"
# error: syntax-stray-string.mg:1:7: error: expected end of line, found string "s"
