m = MLP(2, [2, 1])
m.neurons
# error: neurons-of-mlp.mg:2:1: error: .neurons is a Layer's, not an MLP's
