x = -4
y = sqrt(x)
