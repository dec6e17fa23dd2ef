a = [0, 1]
a[0] = a
b = [0, 2]
b[0] = b
print(a == b)
print(sorted([a, b]))
# error: sorted-self-holding.mg:6:7: error: cannot order lists that hold themselves
