Neuron(2, "relu", nonlin=False)
# error: nonlin-and-act.mg:1:1: error: neuron: give the activation or nonlin=, not both
