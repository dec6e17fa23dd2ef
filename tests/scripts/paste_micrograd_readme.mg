# micrograd's README example, pasted unchanged from its first a = Value(-4.0)
# line: its f-strings print 24.7041, 138.8338 and 645.5773.
a = Value(-4.0)
b = Value(2.0)
c = a + b
d = a * b + b**3
c += c + 1
c += 1 + c + (-a)
d += d * 2 + (b + a).relu()
d += 3 * d + (b - a).relu()
e = c - d
f = e**2
g = f / 2.0
g += 10.0 / f
print(f'{g.data:.4f}') # prints 24.7041, the outcome of this forward pass
g.backward()
print(f'{a.grad:.4f}') # prints 138.8338, i.e. the numerical value of dg/da
print(f'{b.grad:.4f}') # prints 645.5773, i.e. the numerical value of dg/db

# expect: a = -4
# expect: b = 2
# expect: c = -2
# expect: d = 0
# expect: c = -3
# expect: c = -1
# expect: d = 0
# expect: d = 6
# expect: e = -7
# expect: f = 49
# expect: g = 24.5
# expect: g = 24.70408163265306
# expect: 24.7041
# expect: dg#1/da = 138.83381924198252
# expect: dg#1/db = 645.5772594752186
# expect: dg#1/dc = -27.766763848396504
# expect: dg#1/dd = 83.30029154518951
# expect: dg#1/dc#1 = -13.883381924198252
# expect: dg#1/dc#2 = -6.941690962099126
# expect: dg#1/dd#1 = 27.766763848396504
# expect: dg#1/dd#2 = 6.941690962099126
# expect: dg#1/de = -6.941690962099126
# expect: dg#1/df = 0.4958350687213661
# expect: dg#1/dg = 1
# expect: 138.8338
# expect: 645.5773
