a = 1
tree a, 1, 2
