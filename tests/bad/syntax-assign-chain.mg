a = b = 2
