a = 1
dot a "x.dot" "y.dot"
# error: dot-three.mg:2:1: error: dot: wrong number of arguments; usage: dot L ["file"]
