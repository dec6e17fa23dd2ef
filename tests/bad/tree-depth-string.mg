a = 1
tree a, "deep"
# error: tree-depth-string.mg:2:9: error: tree depth must be a whole number from 0 to 1000000000
