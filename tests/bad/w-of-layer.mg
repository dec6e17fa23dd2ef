l = Layer(2, 3)
l.w
# error: w-of-layer.mg:2:1: error: .w is a Neuron's, not a Layer's
