a = 1
explain a, "x"
