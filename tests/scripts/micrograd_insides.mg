# micrograd's insides: _prev (the children, in operand order; a^k's k is
# no node), _op (micrograd's names; mgrad's own for what it lacks) and
# _backward() (adds v.grad times each local derivative to the children).
a = Value(2.0, label='a')
b = Value(-3.0, label='b')
print("[" + a._op + "]", a._prev)
print((a + b)._op, (a * b)._op, (a ** 2)._op, (a ** -1)._op, (a ** 0.5)._op)
print(a.tanh()._op, a.exp()._op, b.relu()._op, a.log()._op)
print((a - b)._op, (a / b)._op, (-a)._op, (a ** b)._op, a.sigmoid()._op)
print(a.sin()._op, a.cos()._op, a.sqrt()._op, abs(b)._op)
print((a * b)._prev, (b * a)._prev, (a ** 3)._prev, (a ** b)._prev)
c = a * b
c.grad = 2.0
c._backward()
print(a.grad, b.grad)
c._backward()
print(a.grad, b.grad)
a._backward()
print(a.grad)
d = a ** 3
d.grad = 1
d._backward()
a.grad
k = d._prev
len(k)
# o.grad = 1 and _backward() node by node gives what o.backward() does
x = Value(0.5); y = Value(-1.5)
s = x * y; t = s + x; o = t.tanh()
o.grad = 1.0
o._backward(); t._backward(); s._backward()
print(x.grad, y.grad)
g = [x.grad, y.grad]
x.grad = 0; y.grad = 0; s.grad = 0; t.grad = 0
o.backward()
[x.grad, y.grad] == g

# expect: a = 2
# expect: b = -3
# expect: [] []
# expect: + * **2 **-1 **0.5
# expect: tanh exp ReLU log
# expect: - / neg ** sigmoid
# expect: sin cos sqrt abs
# expect: [2, -3] [-3, 2] [2] [2, -3]
# expect: c = -6
# expect: c.grad = 2
# expect: -6 4
# expect: -12 8
# expect: -12
# expect: d = 8
# expect: d.grad = 1
# expect: 0
# expect: k = [2]
# expect: 1
# expect: y = -1.5
# expect: o = -0.24491866240370913
# expect: o.grad = 1
# expect: -0.4700074244031891 0.470007424403189
# expect: g = [-0.4700074244031891, 0.470007424403189]
# expect: t.grad = 0
# expect: do/dx = -0.4700074244031891
# expect: do/dy = 0.470007424403189
# expect: do/ds = 0.940014848806378
# expect: do/dt = 0.940014848806378
# expect: 1
