# L.backward() is micrograd's: L.grad = 1, contributions added to what the
# nodes hold, nothing cleared (a second call adds again, inner nodes
# included, as micrograd's does). backward L, the command, starts from 0.
a = 2; b = 3; L = a*b + a
L.backward()
print(a.grad, b.grad)
L.backward()
print(a.grad, b.grad)
backward L
L.backward();
print(a.grad, b.grad)
# in a loop nothing is reported
for i in range(3):
    L.backward()
    backward L
print(a.grad, b.grad)

# expect: L = 8
# expect: dL/da = 4
# expect: dL/db = 2
# expect: 4 2
# expect: dL/da = 11
# expect: dL/db = 6
# expect: 11 6
# expect: dL/da = 4
# expect: dL/db = 2
# expect: 11 6
# expect: 4 2
