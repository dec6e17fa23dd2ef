# check: a kink belongs to a leaf only when moving that leaf moves a relu
# or abs input across 0; an underflowed graph is inconclusive, not ok; the
# summary counts leaves in words.
a = 1; b = 0; c = 1e-5;
L = a*relu(b) + 1/c;
check L
# near a kink but not on it: the small steps stay on one side
x = 1.5; y = 0; z = 0;
k = relu(x - 1) + relu(y) + relu(-z);
check k
w = 1e-300; z = w*w;
check z

# expect: gradient check of L: autograd against central differences
# expect:   leaf  autograd  numeric  rel. error  verdict
# expect:   a     0         0        0           ok
# expect:   b     0         0.5      1e+00       kink (not differentiable here)
# expect:   c     -1e+10    -1e+10   9e-15       ok
# expect: 2 leaves agree, 1 leaf is on a kink
# expect: gradient check of k: autograd against central differences
# expect:   leaf  autograd  numeric  rel. error  verdict
# expect:   x     1         1        0           ok
# expect:   y     0         0.5      1e+00       kink (not differentiable here)
# expect:   z     0         -0.5     1e+00       kink (not differentiable here)
# expect: 1 leaf agrees, 2 leaves are on a kink
# expect: gradient check of z: autograd against central differences
# expect:   leaf  autograd  numeric  rel. error  verdict
# expect:   w     2e-300    0        1e+00       inconclusive (below resolution)
# expect: 1 leaf is inconclusive
