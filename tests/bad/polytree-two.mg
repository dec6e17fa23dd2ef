a = 1
polytree a, 2
# error: polytree-two.mg:2:1: error: polytree: wrong number of arguments; usage: polytree L
