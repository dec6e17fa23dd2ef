# tree: micrograd's neuron, before and after backward, in Unicode and ASCII.
set ascii off
x1 = 2; x2 = 0; w1 = -3; w2 = 1; b = 6.8813735870195432;
n = x1*w1 + x2*w2 + b; o = tanh(n);

tree o
# expect: o = 0.707107  grad 0  (tanh)
# expect: └── n = 0.881374  grad 0  (+)
# expect:     ├── x1*w1 + x2*w2 = -6  grad 0  (+)
# expect:     │   ├── x1*w1 = -6  grad 0  (*)
# expect:     │   │   ├── x1 = 2  grad 0
# expect:     │   │   └── w1 = -3  grad 0
# expect:     │   └── x2*w2 = 0  grad 0  (*)
# expect:     │       ├── x2 = 0  grad 0
# expect:     │       └── w2 = 1  grad 0
# expect:     └── b = 6.88137  grad 0

backward o;
tree o
# expect: o = 0.707107  grad 1  (tanh)
# expect: └── n = 0.881374  grad 0.5  (+)
# expect:     ├── x1*w1 + x2*w2 = -6  grad 0.5  (+)
# expect:     │   ├── x1*w1 = -6  grad 0.5  (*)
# expect:     │   │   ├── x1 = 2  grad -1.5
# expect:     │   │   └── w1 = -3  grad 1
# expect:     │   └── x2*w2 = 0  grad 0.5  (*)
# expect:     │       ├── x2 = 0  grad 0.5
# expect:     │       └── w2 = 1  grad 0
# expect:     └── b = 6.88137  grad 0.5

tree o 2
# expect: o = 0.707107  grad 1  (tanh)
# expect: └── n = 0.881374  grad 0.5  (+)
# expect:     ├── x1*w1 + x2*w2 = -6  grad 0.5  (+)  …
# expect:     └── b = 6.88137  grad 0.5
# expect: (…: operands past depth 2 not shown)

set ascii on
tree o
# expect: o = 0.707107  grad 1  (tanh)
# expect: `-- n = 0.881374  grad 0.5  (+)
# expect:     |-- x1*w1 + x2*w2 = -6  grad 0.5  (+)
# expect:     |   |-- x1*w1 = -6  grad 0.5  (*)
# expect:     |   |   |-- x1 = 2  grad -1.5
# expect:     |   |   `-- w1 = -3  grad 1
# expect:     |   `-- x2*w2 = 0  grad 0.5  (*)
# expect:     |       |-- x2 = 0  grad 0.5
# expect:     |       `-- w2 = 1  grad 0
# expect:     `-- b = 6.88137  grad 0.5

tree o 0
# expect: o = 0.707107  grad 1  (tanh)  ...
# expect: (...: operands past depth 0 not shown)

set digits 3
tree o
# expect: o = 0.707  grad 1  (tanh)
# expect: `-- n = 0.881  grad 0.5  (+)
# expect:     |-- x1*w1 + x2*w2 = -6  grad 0.5  (+)
# expect:     |   |-- x1*w1 = -6  grad 0.5  (*)
# expect:     |   |   |-- x1 = 2  grad -1.5
# expect:     |   |   `-- w1 = -3  grad 1
# expect:     |   `-- x2*w2 = 0  grad 0.5  (*)
# expect:     |       |-- x2 = 0  grad 0.5
# expect:     |       `-- w2 = 1  grad 0
# expect:     `-- b = 6.88  grad 0.5
