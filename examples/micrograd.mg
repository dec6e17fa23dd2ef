#!/usr/bin/env mgrad
# micrograd's README example, typed in as written.
a = -4.0
b = 2.0
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
print g.data          # 24.7041, the outcome of this forward pass
g.backward()
print a.grad          # 138.8338, i.e. the numerical value of dg/da
print b.grad          # 645.5773, i.e. the numerical value of dg/db
