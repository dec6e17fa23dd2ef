$x = 1
# error: char-dollar.mg:1:1: error: unexpected character '$'
