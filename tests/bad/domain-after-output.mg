a = 2
print a
b = log(a - 2)
