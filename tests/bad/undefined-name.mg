y = x + 1
