and = 1
