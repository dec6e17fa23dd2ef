x = 3
x.b
# error: b-of-number.mg:2:1: error: .b is a Neuron's, not a value's
