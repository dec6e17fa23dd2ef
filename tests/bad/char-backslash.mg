1 \
2
# error: char-backslash.mg:1:3: error: unexpected character '\'
