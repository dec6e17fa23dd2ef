x = backward L
# error: syntax-command-assign.mg:1:14: error: expected end of line, found name 'L'
