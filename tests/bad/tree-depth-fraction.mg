a = 1
tree a, 0.5
# error: tree-depth-fraction.mg:2:9: error: tree depth must be a whole number from 0 to 1000000000
