a = 2
c = a / (a - a)
