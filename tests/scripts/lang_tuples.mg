# Tuple assignment, as in Python: each name gets its value; one list on
# the right is unpacked.
a, b, c = 2.0, -3.0, 10.0
L = a*b + c
backward L
pair = [1, 2]
x, y = pair
x, y = y, x
print(x, y)

# expect: a = 2
# expect: b = -3
# expect: c = 10
# expect: L = 4
# expect: dL/da = -3
# expect: dL/db = 2
# expect: dL/dc = 1
# expect: pair = [1, 2]
# expect: x = 1
# expect: y = 2
# expect: x = 2
# expect: y = 1
# expect: 2 1
