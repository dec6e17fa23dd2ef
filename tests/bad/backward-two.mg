a = 1
backward a, a
