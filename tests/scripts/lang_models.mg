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
