# micrograd's own forms, as the lecture types them: Value(...) with a
# label, x.label = '...', single quotes, print(...), x.grad = 1.0,
# x.data += h.
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
