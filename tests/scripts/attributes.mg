# .data and .grad are plain numbers; .data can be set on a leaf.
a = 2; b = 3; c = a * b;
backward c;
print a.data, a.grad, b.grad, c.grad
d = a.grad * 10
backward d
a.data = 5
a.data -= 1
a.data *= 2
a.data /= 4
a.data += 0.5
print a.data, c.data
a.grad = 7
a
o = a.tanh(); o.grad = 1; print o.grad
print (a*b).data

# expect: 2 3 2 1
# expect: d = 30
# expect: a.data = 5
# expect: a.data = 4
# expect: a.data = 8
# expect: a.data = 2
# expect: a.data = 2.5
# expect: 2.5 6
# expect: a.grad = 7
# expect: a = 2.5  (grad 7)
# expect: 1
# expect: 7.5
