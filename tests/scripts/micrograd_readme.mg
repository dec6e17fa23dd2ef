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
g.backward()
set digits 17
print g.data, a.grad, b.grad

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
# expect: g = 24.7041
# expect: dg/da = 138.834
# expect: dg/db = 645.577
# expect: dg/dc = -6.94169
# expect: dg/dd = 6.94169
# expect: dg/de = -6.94169
# expect: dg/df = 0.495835
# expect: 24.70408163265306 138.83381924198252 645.5772594752186
