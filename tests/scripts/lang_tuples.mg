# Tuple assignment, as in Python: each name gets its value; one list on
# the right is unpacked.
a, b, c = 2.0, -3.0, 10.0
L = a*b + c
backward L
pair = [1, 2]
x, y = pair
x, y = y, x
print(x, y)
