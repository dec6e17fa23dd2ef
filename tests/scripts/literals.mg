# Number forms; literals fold into one constant leaf.
print 2, -3, 0.5, .5, 5., 1e-3, 1E3, 6.8813735870195432
set digits 17
print 6.8813735870195432, 0.1
set digits 6
b = -3
b
c = 2*3 - 1
# A folded constant is a leaf: .data can be set on it.
c.data = 7
c
print 1e308 * 10

# expect: 2 -3 0.5 0.5 5 0.001 1000 6.881373587019543
# expect: 6.881373587019543 0.1
# expect: b = -3
# expect: b = -3
# expect: c = 5
# expect: c.data = 7
# expect: c = 7
# expect: inf
# expect-err: literals.mg:12:7: warning: mul overflowed to inf
# expect-err:    12 | print 1e308 * 10
# expect-err:       |       ^~~~~~~~~~
