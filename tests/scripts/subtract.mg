# The right side of a subtraction gets -1.
a = 5; b = 3; c = a - b
backward c
z = -a; backward z

# expect: c = 2
# expect: dc/da = 1
# expect: dc/db = -1
# expect: dz/da = -1
