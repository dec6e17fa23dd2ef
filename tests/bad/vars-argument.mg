vars 1
# error: vars-argument.mg:1:1: error: vars: wrong number of arguments; usage: vars
