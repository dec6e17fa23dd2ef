backward = 1
