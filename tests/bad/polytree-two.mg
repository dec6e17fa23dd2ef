a = 1
polytree a, 2
