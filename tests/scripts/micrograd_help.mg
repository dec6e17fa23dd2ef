# help python: what mgrad takes from Python and micrograd, and what not
help python
help import
help from
help as
help draw_dot
help trace
help _prev
help _op
help _backward
help layers
help neurons
help w
help b
help nonlin

# expect: What mgrad takes from Python and micrograd, so a lecture cell pastes:
# expect:   blocks by indentation, def, lambda, default and keyword arguments,
# expect:   True False None, % //, x if c else y, in, is, slices, tuples, f-strings
# expect:   import math, import random, from micrograd.engine import Value,
# expect:   from micrograd.nn import Neuron, Layer, MLP, from micrograd import nn,
# expect:   import ... as ...: math.exp log tanh sqrt sin cos pi e inf;
# expect:   random.random uniform gauss choice seed (mgrad's own generator)
# expect:   Value(x, label="a"), x.data x.grad x.label, x.tanh() x.exp() x.relu()
# expect:   x._prev (children, in operand order), x._op ("+", "*", "tanh", "**2",
# expect:   "ReLU", "" for a leaf; mgrad's own "-", "/", "neg"), x._backward()
# expect:   L.backward(), draw_dot(L) (also draw_graph, render_graph), trace(L)
# expect:   MLP(nin, nouts), Layer(nin, nout), Neuron(nin, nonlin=True); m.layers,
# expect:   l.neurons, n.w, n.b, n.nonlin, m.parameters(), m.zero_grad(), m(x)
# expect: What it does not take: class (Value, Neuron, Layer and MLP are built
# expect: in), numpy (lists and comprehensions), torch (mgrad's gradients equal
# expect: PyTorch's), matplotlib (plot, curve, regions), graphviz (dot, draw_dot),
# expect: sklearn (csv("examples/moons.csv")), dicts.
# expect: Where mgrad differs on purpose: the command backward L clears the
# expect: gradients first (L.backward() adds, as micrograd's); x.data and x.grad
# expect: are plain numbers; whole numbers print without .0 (2, not 2.0); tanh is
# expect: C's tanh, which may differ from the lecture's exp formula in the last
# expect: digit; MLP is tanh in every layer (the lecture's), not nn.py's ReLU.
# expect: import math   import random as r   import micrograd
# expect: Binds a module: math, random and micrograd (micrograd.engine,
# expect: micrograd.nn) are mgrad's own; any other is an error that says
# expect: what mgrad offers instead. See help python.
# expect: from micrograd.nn import MLP, Layer as L
# expect: Binds a module's members by name. See help import.
# expect: import random as r   from math import exp as e: binds another name.
# expect: usage: draw_dot(L)
# expect: The graph of L as the command dot L shows it (micrograd's draw_dot):
# expect: a picture in a notebook or the browser page, Graphviz DOT text in a
# expect: terminal (dot L "graph.svg" renders a file).
# expect: usage: trace(L)
# expect: [nodes, edges], as the lecture's trace(root): every node of L's graph
# expect: (children before parents) and every edge as [child, parent].
# expect: x._prev   (Value attribute)
# expect: The children of v as a list, in operand order ([] for a leaf).
# expect: x._op   (Value attribute)
# expect: The operation that made v as micrograd names it: "+", "*", "tanh",
# expect: "**2", "ReLU", "exp"; "" for a leaf; "-", "/", "neg" and the
# expect: function's name for what micrograd has no node of.
# expect: usage: v._backward()   (Value method)
# expect: Adds v.grad times each local derivative to the grads of v's children,
# expect: as micrograd's closure does (nothing for a leaf).
# expect: x.layers   (model attribute)
# expect: An MLP's layers, as a list.
# expect: x.neurons   (model attribute)
# expect: A layer's neurons, as a list.
# expect: x.w   (model attribute)
# expect: A neuron's weights, as a list of values.
# expect: x.b   (model attribute)
# expect: A neuron's bias.
# expect: x.nonlin   (model attribute)
# expect: Whether a neuron applies its activation: True, or False for a linear
# expect: one.
