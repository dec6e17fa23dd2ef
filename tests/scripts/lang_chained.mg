# Chained comparisons, as Python's: 0 < x < 1 is 0 < x and x < 1, the
# middle term (a name, a number or an attribute) evaluated for each.
x = 0.5
print(0 < x < 1, 0 < x < 0.2, 1 < x < 2, 0 <= x <= 1 <= 2, 0 < x < 1 < 0, (0 < x) < 1, 3 > x > -1 != 0)
a = [1, 2]
print(1 == 1 == 1, 1 == 1 == 2)
v = Value(0.5)
if 0 < v.data < 1: print("inside")

# expect: x = 0.5
# expect: 1 0 0 1 0 0 1
# expect: a = [1, 2]
# expect: 1 0
# expect: v = 0.5
# expect: inside
