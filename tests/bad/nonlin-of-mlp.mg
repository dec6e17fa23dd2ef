m = MLP(2, [1])
m.nonlin
# error: nonlin-of-mlp.mg:2:1: error: .nonlin is a Neuron's, not an MLP's
