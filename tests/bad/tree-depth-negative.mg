y = 2
tree y -1
# error: tree-depth-negative.mg:2:8: error: tree depth must be a whole number from 0 to 1000000000
