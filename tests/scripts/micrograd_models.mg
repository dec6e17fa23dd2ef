# micrograd's Module: m.layers, l.neurons, n.w, n.b, n.nonlin; parameters()
# and zero_grad() at every level. Parts hold the same parameter nodes.
from micrograd.nn import Neuron, Layer, MLP
seed 1
m = MLP(2, [3, 1])
m.layers
l = m.layers[0]
l.neurons
n = l.neurons[1]
n.w
n.b
n.nonlin
n.parameters() == m.parameters()[3:6]
[p.data for p in l.parameters()] == [p.data for p in m.parameters()[:9]]
len(m.layers[1].parameters())
m.layers[1].neurons[0].w[2].data
n.w[0].data = 0.5
m.parameters()[3].data
x = [1.0, -2.0]
out = m(x)
out.backward()
n.w[0].grad == m.parameters()[3].grad
n.zero_grad()
[p.grad for p in n.parameters()]
m.parameters()[3].grad
l.zero_grad()
m.layers[1].zero_grad()
m.zero_grad()
sum(p.grad for p in m.parameters())
# micrograd's nonlin=: False leaves the activation out
Neuron(2, nonlin=False)
Neuron(2, nonlin=False).nonlin
Neuron(2, False)
Layer(2, 2, nonlin=False)
Neuron(2).nonlin
# relu as micrograd's nn.py: the last layer linear
r = MLP(2, [2, 1], "relu")
r.layers[1].neurons[0].nonlin
r.layers[0].neurons[0]
# a part stays valid when the model's name is rebound
held = MLP(2, [2, 1]).layers[0]
m = 0
held.neurons[0].w
len(held.parameters())

# expect: m = MLP of [Layer of [TanhNeuron(2), TanhNeuron(2), TanhNeuron(2)], Layer of [TanhNeuron(3)]]
# expect: [Layer of [TanhNeuron(2), TanhNeuron(2), TanhNeuron(2)], Layer of [TanhNeuron(3)]]
# expect: l = Layer of [TanhNeuron(2), TanhNeuron(2), TanhNeuron(2)]
# expect: [TanhNeuron(2), TanhNeuron(2), TanhNeuron(2)]
# expect: n = TanhNeuron(2)
# expect: [0.148211400039445, -0.2173427959161911]
# expect: 0
# expect: 1
# expect: 1
# expect: 1
# expect: 4
# expect: 0.7343049695372008
# expect: (L0.N1.w0).data = 0.5
# expect: 0.5
# expect: x = [1, -2]
# expect: out = 0.24859003327805484
# expect: 13 parameter gradients set: p.grad for p in m.parameters(), or tree out
# expect: 1
# expect: [0, 0, 0]
# expect: 0
# expect: 0
# expect: LinearNeuron(2)
# expect: 0
# expect: LinearNeuron(2)
# expect: Layer of [LinearNeuron(2), LinearNeuron(2)]
# expect: 1
# expect: r = MLP of [Layer of [ReLUNeuron(2), ReLUNeuron(2)], Layer of [LinearNeuron(2)]]
# expect: 0
# expect: ReLUNeuron(2)
# expect: held = Layer of [TanhNeuron(2), TanhNeuron(2)]
# expect: m = 0
# expect: [0.7088625181323331, 0.5022861883534813]
# expect: 6
