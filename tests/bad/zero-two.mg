a = 1
zero a, a
