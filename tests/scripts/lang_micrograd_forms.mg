# micrograd's own forms, as the lecture types them: Value(...) with a
# label, x.label = '...', single quotes, print(...), x.grad = 1.0,
# x.data += h. An echo names the node as it was called before its label.
a = Value(2.0, label='a')
b = Value(-3.0, label='b')
c = Value(10.0, label='c')
e = a*b; e.label = 'e'
d = e + c; d.label = 'd'
f = Value(-2.0, label='f')
L = d * f; L.label = 'L'
L
L.backward()
print(a.grad, b.grad, c.grad, f.grad)
print(L.label, e.label)
L.grad = 1.0
h = 0.001
a.data += h
forward L
print('L moved by', L.data - (-8.0))
x1w1 = a*b; x1w1.label = 'a*b'
(a + b).grad = 0.5

# expect: a = 2
# expect: b = -3
# expect: c = 10
# expect: e.label = "e"
# expect: d.label = "d"
# expect: f = -2
# expect: L.label = "L"
# expect: L = -8
# expect: dL/da = 6
# expect: dL/db = -4
# expect: dL/dc = -2
# expect: dL/de = -2
# expect: dL/dd = -2
# expect: dL/df = 4
# expect: 6 -4 -2 4
# expect: L e
# expect: L.grad = 1
# expect: h = 0.001
# expect: a.data = 2.001
# expect: L = -7.994  (grad 1)
# expect: L moved by 0.006000000000000227
# expect: x1w1.label = "a*b"
# expect: (a + b).grad = 0.5
