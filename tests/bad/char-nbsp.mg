x = 1
# error: char-nbsp.mg:1:4: error: unexpected character ' '
