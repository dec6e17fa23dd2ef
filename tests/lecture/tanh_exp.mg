# The lecture's Value.tanh body (second half, cell 7), with math.exp, and
# its Neuron's random.uniform(-1,1) weights, pasted: the numbers are the
# lecture's own (lecture.py computes them in Python from the same weights).
import math
import random
# the neuron cell (first half, cell 13)
x1 = Value(2.0, label='x1')
x2 = Value(0.0, label='x2')
w1 = Value(-3.0, label='w1')
w2 = Value(1.0, label='w2')
b = Value(6.8813735870195432, label='b')
x1w1 = x1*w1; x1w1.label = 'x1*w1'
x2w2 = x2*w2; x2w2.label = 'x2*w2'
x1w1x2w2 = x1w1 + x2w2; x1w1x2w2.label = 'x1*w1 + x2*w2'
n = x1w1x2w2 + b; n.label = 'n'
# ---- Value.tanh's body, self being n ----
self = n
x = self.data
t = (math.exp(2*x) - 1)/(math.exp(2*x) + 1)
# ----
print("t", t)
print("dt", 1 - t**2)
# ---- the second half's cell 11: tanh through exp, on values ----
e = (2*n).exp()
o = (e - 1) / (e + 1)
# ----
o.label = 'o'
o.backward()
print("exp-tanh", o.data, x1.grad, w1.grad, x2.grad, w2.grad)
# ---- Neuron.__init__ and __call__'s body (cell 14), nin = 3 ----
random.seed(1337)
nin = 3
w = [Value(random.uniform(-1,1)) for _ in range(nin)]
b = Value(random.uniform(-1,1))
print("weights", [wi.data for wi in w], b.data)
x = [2.0, 3.0, -1.0]
act = sum((wi*xi for wi, xi in zip(w, x)), b)
out = act.tanh()
print("neuron", act.data, out.data)
