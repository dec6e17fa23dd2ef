x = 1
# error: ctrl-delete.mg:1:6: error: unexpected character '\x7f'
