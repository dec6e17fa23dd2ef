# A node used more than once accumulates every contribution.
a = 3.0
b = a + a
backward b
a = -2.0; b = 3.0;
d = a * b; e = a + b; f = d * e;
backward f
x = 4; y = x*x; backward y
s = 5; t = s - s; backward t

# expect: a = 3
# expect: b = 6
# expect: db/da = 2
# expect: df/da = -3
# expect: df/db = -8
# expect: df/dd = 1
# expect: df/de = -6
# expect: dy/dx = 8
# expect: dt/ds = 0
