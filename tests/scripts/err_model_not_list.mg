seed 1
n = neuron(2)
n(3)

# expect: n = TanhNeuron(2)
# expect-err: err_model_not_list.mg:3:1: error: a neuron takes one argument, a list of its 2 inputs
# expect-err:     3 | n(3)
# expect-err:       | ^~~~
# exit: 1
