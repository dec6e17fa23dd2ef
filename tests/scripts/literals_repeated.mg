# A literal written again is stored once in the program; `-3` folds into
# the number -3 without changing another use of 3.
a = -3
b = 3
c = -3
d = -(-3)
e = 3
f = - -3
print a, b, c, d, e, f
g = 0.5*b + 0.5
h = 0.5*g - 0.5
print g, h
p = -0.5; q = 0.5; r = -0.5
print p + q, p * r, q - p

# expect: a = -3
# expect: b = 3
# expect: c = -3
# expect: d = 3
# expect: e = 3
# expect: f = 3
# expect: -3 3 -3 3 3 3
# expect: g = 2
# expect: h = 0.5
# expect: 2 0.5
# expect: r = -0.5
# expect: 0 0.25 1
