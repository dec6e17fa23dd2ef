help tree plot
# error: help-two.mg:1:1: error: help: wrong number of arguments; usage: help [topic]
