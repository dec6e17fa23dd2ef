# backward clears the graph's gradients first, so running it again gives the
# same numbers, not double. L.backward() is micrograd's and clears nothing:
# it adds to what backward b left (b.grad = 1 again, a.grad 4 + 4).
a = 2; b = a*a;
backward b
backward b
b.backward()
backward (b*2)
backward a

# expect: db/da = 4
# expect: db/da = 4
# expect: db/da = 8
# expect: d(b*2)/da = 8
# expect: d(b*2)/db = 2
