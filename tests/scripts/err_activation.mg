neuron(2, "sigmoid")

# expect-err: err_activation.mg:1:1: error: neuron: the activation is "tanh", "relu" or "linear" (or micrograd's nonlin=True or False)
# expect-err:     1 | neuron(2, "sigmoid")
# expect-err:       | ^~~~~~~~~~~~~~~~~~~~
# exit: 1
