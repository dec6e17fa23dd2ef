#!/usr/bin/env mgrad
# One neuron: o = tanh(x1*w1 + x2*w2 + b), with the bias chosen so that the
# numbers come out nice.
x1 = 2.0; x2 = 0.0;         # inputs
w1 = -3.0; w2 = 1.0;        # weights
b = 6.8813735870195432;     # bias
x1w1 = x1*w1; x2w2 = x2*w2;
x1w1x2w2 = x1w1 + x2w2;
n = x1w1x2w2 + b;
o = n.tanh()
backward o

# The lecture's manual step: nudge every leaf a little along its gradient
# and run the same graph forward again (the graph is kept, not rebuilt):
# o goes up, by about 0.01 times the sum of the squared gradients.
x1.data += 0.01 * x1.grad; x2.data += 0.01 * x2.grad;
w1.data += 0.01 * w1.grad; w2.data += 0.01 * w2.grad;
b.data += 0.01 * b.grad;
forward o
