a = 1
dot a, 3
