# check: the step follows the leaf's own size, and differences are
# extrapolated, so small and large leaves check as well as ones near 1.
c = 1e-5; d = 1/c;
check d
c = 1e-6; d = log(c);
check d
# exp at 1e-300 needs a step near 1; sin at 1e8 one well below 1e8
t = 1e-300; e = exp(t) + sigmoid(t);
check e
s = 1e8; f = sin(s) * cos(s);
check f
# both ends of the double range in one graph
u = 1e-300; v = 1e300; g = sqrt(u) * log(v) + u / v;
check g

# expect: gradient check of d: autograd against central differences
# expect:   leaf  autograd  numeric  rel. error  verdict
# expect:   c     -1e+10    -1e+10   9e-15       ok
# expect: the gradient agrees
# expect: gradient check of d: autograd against central differences
# expect:   leaf  autograd  numeric  rel. error  verdict
# expect:   c     1e+06     1e+06    6e-14       ok
# expect: the gradient agrees
# expect: gradient check of e: autograd against central differences
# expect:   leaf  autograd  numeric  rel. error  verdict
# expect:   t     1.25      1.25     0           ok
# expect: the gradient agrees
# expect: gradient check of f: autograd against central differences
# expect:   leaf  autograd   numeric    rel. error  verdict
# expect:   s     -0.735903  -0.735903  6e-15       ok
# expect: the gradient agrees
# expect: gradient check of g: autograd against central differences
# expect:   leaf  autograd      numeric       rel. error  verdict
# expect:   u     3.45388e+152  3.45388e+152  2e-14       ok
# expect:   v     0             0             0           ok
# expect: all 2 gradients agree
