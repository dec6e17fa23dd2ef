n = Neuron(2)
n.layers
# error: layers-of-neuron.mg:2:1: error: .layers is an MLP's, not a Neuron's
