a = 1
tree a, 1, 2
# error: tree-three.mg:2:1: error: tree: wrong number of arguments; usage: tree L [depth]
