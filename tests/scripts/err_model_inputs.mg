# Calling a model with the wrong number of inputs says both numbers.
seed 1
m = mlp(3, [4, 1])
m([1, 2])

# expect: m = MLP of [Layer of [TanhNeuron(3), TanhNeuron(3), TanhNeuron(3), TanhNeuron(3)], Layer of [TanhNeuron(4)]]
# expect-err: err_model_inputs.mg:4:1: error: this mlp takes 3 inputs, not 2
# expect-err:     4 | m([1, 2])
# expect-err:       | ^~~~~~~~~
# exit: 1
