#!/usr/bin/env mgrad
# The network of Karpathy's micrograd lecture: an MLP of 3 inputs, two
# hidden layers of 4 neurons and one output, every neuron tanh, trained by
# gradient descent on four examples with the mean squared error. The weights come from a fixed seed,
# so every run prints the same numbers.
seed 42
xs = [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]];
ys = [1.0, -1.0, -1.0, 1.0];
model = mlp(3, [4, 4, 1])
print("parameters:", len(params(model)))

for k in range(50) {
    ypred = [model(x) for x in xs];
    loss = sum((yout - ygt)**2 for ygt, yout in zip(ys, ypred));
    zero model
    backward loss;
    step model, 0.05
    print("step", k + 1, "loss", loss.data)
}

for ygt, yout in zip(ys, ypred) { print("target", ygt, "prediction", yout.data) }
