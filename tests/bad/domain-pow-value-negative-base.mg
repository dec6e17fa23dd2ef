a = -2; b = 0.5
c = pow(a, b)
