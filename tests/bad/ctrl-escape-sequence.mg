x = [31m1
# error: ctrl-escape-sequence.mg:1:5: error: unexpected character '\x1b'
