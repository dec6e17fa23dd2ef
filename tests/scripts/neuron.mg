# The neuron of the lecture: o = tanh(x1*w1 + x2*w2 + b).
x1 = 2.0; x2 = 0.0; w1 = -3.0; w2 = 1.0; b = 6.8813735870195432;
x1w1 = x1*w1; x2w2 = x2*w2; x1w1x2w2 = x1w1 + x2w2; n = x1w1x2w2 + b;
o = n.tanh()
backward o
vars

# expect: o = 0.7071067811865477
# expect: do/dx1 = -1.4999999999999993
# expect: do/dx2 = 0.4999999999999998
# expect: do/dw1 = 0.9999999999999996
# expect: do/dw2 = 0
# expect: do/db = 0.4999999999999998
# expect: do/dx1w1 = 0.4999999999999998
# expect: do/dx2w2 = 0.4999999999999998
# expect: do/dx1w1x2w2 = 0.4999999999999998
# expect: do/dn = 0.4999999999999998
# expect: x1 = 2  (grad -1.4999999999999993)
# expect: x2 = 0  (grad 0.4999999999999998)
# expect: w1 = -3  (grad 0.9999999999999996)
# expect: w2 = 1
# expect: b = 6.881373587019543  (grad 0.4999999999999998)
# expect: x1w1 = -6  (grad 0.4999999999999998)
# expect: x2w2 = 0  (grad 0.4999999999999998)
# expect: x1w1x2w2 = -6  (grad 0.4999999999999998)
# expect: n = 0.8813735870195432  (grad 0.4999999999999998)
# expect: o = 0.7071067811865477  (grad 1)
