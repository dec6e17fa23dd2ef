a = 1
explain a, 1, 2
