a = 1
tree a, 0.5
