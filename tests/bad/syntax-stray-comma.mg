1, 2
# error: syntax-stray-comma.mg:1:2: error: expected end of line, found ','
