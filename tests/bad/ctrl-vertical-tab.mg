x = 1
# error: ctrl-vertical-tab.mg:1:5: error: unexpected character '\x0b'
