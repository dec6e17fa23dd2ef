x = 1
# error: ctrl-bell.mg:1:6: error: unexpected character '\x07'
