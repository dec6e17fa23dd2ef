@
# error: char-at.mg:1:1: error: unexpected character '@'
