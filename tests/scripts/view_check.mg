# check: autograd against central differences, with kinks and gaps.
a = -2; b = 10; c = 2; d = -3;
L = a*(b + c*d);
check L

x1 = 2; x2 = 0; w1 = -3; w2 = 1; b = 6.8813735870195432;
n = x1*w1 + x2*w2 + b; o = tanh(n);
check o

backward o;
check o

vars

a = 3; b = a + a;
check b

x = 0; y = -1;
k = relu(x) + abs(y) + abs(x - 1);
check k

z = 0;
r = sqrt(z) + x;
check r

# expect: gradient check of L: autograd against central differences
# expect:   leaf  autograd  numeric  rel. error  verdict
# expect:   a     4         4        0           ok
# expect:   b     -2        -2       0           ok
# expect:   c     6         6        0           ok
# expect:   d     -4        -4       0           ok
# expect: all 4 gradients agree
# expect: gradient check of o: autograd against central differences
# expect:   leaf  autograd  numeric  rel. error  verdict
# expect:   x1    -1.5      -1.5     2e-14       ok
# expect:   x2    0.5       0.5      6e-14       ok
# expect:   w1    1         1        9e-15       ok
# expect:   w2    0         0        0           ok
# expect:   b     0.5       0.5      9e-15       ok
# expect: all 5 gradients agree
# expect: gradient check of o: autograd against central differences
# expect:   leaf  autograd  numeric  rel. error  verdict
# expect:   x1    -1.5      -1.5     2e-14       ok
# expect:   x2    0.5       0.5      6e-14       ok
# expect:   w1    1         1        9e-15       ok
# expect:   w2    0         0        0           ok
# expect:   b     0.5       0.5      9e-15       ok
# expect: all 5 gradients agree
# expect: a = -2
# expect: b = 6.881373587019543  (grad 0.4999999999999998)
# expect: c = 2
# expect: d = -3
# expect: L = -8
# expect: x1 = 2  (grad -1.4999999999999993)
# expect: x2 = 0  (grad 0.4999999999999998)
# expect: w1 = -3  (grad 0.9999999999999996)
# expect: w2 = 1
# expect: n = 0.8813735870195432  (grad 0.4999999999999998)
# expect: o = 0.7071067811865477  (grad 1)
# expect: gradient check of b: autograd against central differences
# expect:   leaf  autograd  numeric  rel. error  verdict
# expect:   a     2         2        0           ok
# expect: the gradient agrees
# expect: gradient check of k: autograd against central differences
# expect:   leaf  autograd  numeric  rel. error  verdict
# expect:   x     -1        -0.5     5e-01       kink (not differentiable here)
# expect:   y     -1        -1       0           ok
# expect: 1 leaf agrees, 1 leaf is on a kink
# expect: gradient check of r: autograd against central differences
# expect:   leaf  autograd  numeric  rel. error  verdict
# expect:   x     1         1        0           ok
# expect:   z     inf       -        -           undefined nearby
# expect: 1 leaf agrees, 1 leaf is undefined nearby
