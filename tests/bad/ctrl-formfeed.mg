x = 1 + 2
# error: ctrl-formfeed.mg:1:6: error: unexpected character '\x0c'
