a = 1
check a, a
