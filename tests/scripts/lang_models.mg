# Models: neuron, layer, mlp, as micrograd's nn; m(x), params(m) in
# micrograd's order, and micrograd's repr.
seed 7
n = neuron(3)
n([1, 2, 3])
l = layer(3, 2)
l([1, 2, 3])
m = mlp(3, [4, 4, 1])
len(params(m))
params(n)
r = mlp(2, [3, 1], "relu")
print r
print(layer(2, 2, "linear"))
p = params(mlp(1, [1]))
print(p[0].label, p[1].label)
out = m([2.0, 3.0, -1.0])
backward out;
len([q for q in params(m) if q.grad != 0]) > 0

# expect: n = TanhNeuron(3)
# expect: 0.9144303976076633
# expect: l = Layer of [TanhNeuron(3), TanhNeuron(3)]
# expect: [0.9999343679248912, -0.9954205310356582]
# expect: m = MLP of [Layer of [TanhNeuron(3), TanhNeuron(3), TanhNeuron(3), TanhNeuron(3)], Layer of [TanhNeuron(4), TanhNeuron(4), TanhNeuron(4), TanhNeuron(4)], Layer of [TanhNeuron(4)]]
# expect: 41
# expect: [0.4011529643593792, -0.44249754105243144, 0.6792549237528396, 0]
# expect: r = MLP of [Layer of [ReLUNeuron(2), ReLUNeuron(2), ReLUNeuron(2)], Layer of [LinearNeuron(3)]]
# expect: MLP of [Layer of [ReLUNeuron(2), ReLUNeuron(2), ReLUNeuron(2)], Layer of [LinearNeuron(3)]]
# expect: Layer of [LinearNeuron(2), LinearNeuron(2)]
# expect: p = [0.22919568802004453, 0]
# expect: L0.N0.w0 L0.N0.b
# expect: out = -0.2081145107584457
# expect: 1
