# The lecture's first cells (micrograd_lecture_first_half_roughly.ipynb),
# pasted unchanged but for numpy: f, the finite difference at x = 3 (the
# video's) and at x = 2/3 (the notebook's), and the slope of d = a*b + c.
def f(x):
  return 3*x**2 - 4*x + 5
f(3.0)
h = 0.000001
x = 3.0
(f(x + h) - f(x))/h
h = 0.000001
x = 2/3
(f(x + h) - f(x))/h
h = 0.0001

# inputs
a = 2.0
b = -3.0
c = 10.0

d1 = a*b + c
c += h
d2 = a*b + c

print('d1', d1)
print('d2', d2)
print('slope', (d2 - d1)/h)

# expect: 20
# expect: h = 1e-06
# expect: x = 3
# expect: 14.000003002223593
# expect: h = 1e-06
# expect: x = 0.6666666666666666
# expect: 2.999378523327323e-06
# expect: h = 0.0001
# expect: a = 2
# expect: b = -3
# expect: c = 10
# expect: d1 = 4
# expect: c = 10.0001
# expect: d2 = 4.0001
# expect: d1 4
# expect: d2 4.0001
# expect: slope 0.9999999999976694
