quit 1
# error: quit-argument.mg:1:1: error: quit: wrong number of arguments; usage: quit
