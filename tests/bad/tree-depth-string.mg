a = 1
tree a, "deep"
