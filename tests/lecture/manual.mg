# The first half's backprop by hand, pasted unchanged: the neuron cell,
# o.grad = 1.0 and the _backward() cells one by one, then the build_topo
# cell and node._backward() over reversed(topo), then o.backward(). After
# each step the gradients the notebook's pictures show, in the order
# o n b x1w1x2w2 x1w1 x2w2 x1 w1 x2 w2 (lecture.py checks them against the
# lecture's closures, exactly), and at the end with 4 digits as draw_dot
# shows them in the notebook.
def grads(step):
  nodes = [o, n, b, x1w1x2w2, x1w1, x2w2, x1, w1, x2, w2]
  print(step, [v.grad for v in nodes])
# ---- pasted from micrograd_lecture_first_half_roughly.ipynb, cell 13 ----
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
# ---- cells 17 to 22 ----
o.grad = 1.0
o._backward()
grads("step0")
n._backward()
grads("step1")
b._backward()
grads("step2")
x1w1x2w2._backward()
grads("step3")
x2w2._backward()
grads("step4")
x1w1._backward()
grads("step5")
print(f"x1 {x1.grad:.4f} w1 {w1.grad:.4f} x2 {x2.grad:.4f} w2 {w2.grad:.4f}")
# ---- the same again from zero, by the build_topo cell (cell 16) ----
for v in [o, n, b, x1w1x2w2, x1w1, x2w2, x1, w1, x2, w2]:
  v.grad = 0.0
o.grad = 1.0
topo = []
visited = set()
def build_topo(v):
  if v not in visited:
    visited.add(v)
    for child in v._prev:
      build_topo(child)
    topo.append(v)
build_topo(o)
for node in reversed(topo):
  node._backward()
grads("topo")
print([v.label for v in topo])
# ---- and by o.backward() on the neuron made again ----
x1 = Value(2.0, label='x1')
x2 = Value(0.0, label='x2')
w1 = Value(-3.0, label='w1')
w2 = Value(1.0, label='w2')
b = Value(6.8813735870195432, label='b')
x1w1 = x1*w1; x1w1.label = 'x1*w1'
x2w2 = x2*w2; x2w2.label = 'x2*w2'
x1w1x2w2 = x1w1 + x2w2; x1w1x2w2.label = 'x1*w1 + x2*w2'
n = x1w1x2w2 + b; n.label = 'n'
o = n.tanh(); o.label = 'o'
o.backward()
grads("backward")
print(f"x1 {x1.grad:.4f} w1 {w1.grad:.4f} x2 {x2.grad:.4f} w2 {w2.grad:.4f}")
