# The first half's neuron cell pasted unchanged, then draw_dot(o) as the
# notebook's next cell: the graph as `dot o` shows it (an SVG picture in
# the notebook kernel). Then the second half's MLP: its first neuron's
# weights, the first three of n.parameters().
# ---- pasted from micrograd_lecture_first_half_roughly.ipynb ----
# inputs x1,x2
x1 = Value(2.0, label='x1')
x2 = Value(0.0, label='x2')
# weights w1,w2
w1 = Value(-3.0, label='w1')
w2 = Value(1.0, label='w2')
# bias of the neuron
b = Value(6.8813735870195432, label='b')
# x1*w1 + x2*w2 + b
x1w1 = x1*w1; x1w1.label = 'x1*w1'
x2w2 = x2*w2; x2w2.label = 'x2*w2'
x1w1x2w2 = x1w1 + x2w2; x1w1x2w2.label = 'x1*w1 + x2*w2'
n = x1w1x2w2 + b; n.label = 'n'
o = n.tanh(); o.label = 'o'
draw_dot(o)
o.backward()
draw_dot(o)
# ---- the second half's network, from mgrad's seed ----
import random
random.seed(1337)
x = [2.0, 3.0, -1.0]
n = MLP(3, [4, 4, 1])
n.layers[0].neurons[0].w
n.layers[0].neurons[0].b
n.parameters()[:3]
n.layers[0].neurons[0].w == n.parameters()[:3]
