#!/usr/bin/env mgrad
# The training of moons.mg on a graph built once: each step recomputes the
# kept graph with forward (after the parameters moved), back-propagates
# through it and steps, instead of building the loss anew. The losses are
# the same as moons.mg's, step for step.
data = csv("moons.csv");
X = [[r[0], r[1]] for r in data];
y = [r[2] for r in data];

seed 1337
model = mlp(2, [16, 16, 1], "relu")
print("number of parameters", len(params(model)))

scores = [model(x) for x in X];
losses = [(1 + -yi*scorei).relu() for yi, scorei in zip(y, scores)];
data_loss = sum(losses) * (1.0 / len(losses));
reg_loss = 1e-4 * sum(p*p for p in params(model));
total_loss = data_loss + reg_loss;

curve = [];
for k in range(100) {
    if k > 0 { forward total_loss; }
    accuracy = [(yi > 0) == (scorei.data > 0) for yi, scorei in zip(y, scores)];
    acc = sum(accuracy) / len(accuracy);
    backward total_loss;
    step model, 1.0 - 0.9*k/100
    curve = curve + [total_loss.data];
    print("step", k, "loss", total_loss.data, "accuracy", acc*100, "%")
}

plot curve
regions model, X, y
