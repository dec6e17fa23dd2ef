~1
# error: char-tilde.mg:1:1: error: unexpected character '~'
