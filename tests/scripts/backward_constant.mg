# backward of a graph with no named node below its root reports nothing, as
# backward of a named leaf does; the root's gradient becomes 1 all the same
# (micrograd's Value(1).backward()). Under the sanitizer build these once
# passed NULL to qsort.
backward 1
backward (2*3)
(2*3).backward()
backward tanh(0.5) + 1
a = 2; b = a.data; b.backward()
b
backward a
a
c = 3; c.backward()
c.grad
L = a*c
backward L
print "done"

# expect: b = 2  (grad 1)
# expect: a = 2  (grad 1)
# expect: 1
# expect: L = 6
# expect: dL/da = 3
# expect: dL/dc = 2
# expect: done
