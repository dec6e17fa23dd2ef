#!/usr/bin/env mgrad
# micrograd's demo: a two-layer MLP learns to tell two interleaving half
# moons apart. The 100 points are examples/moons.csv (made by tools/moons
# with mgrad's own generator); labels are -1 and 1.
#
# The loss is micrograd's: the SVM "max-margin" loss, mean(relu(1 - y*score)),
# plus an L2 penalty 1e-4 * sum(p*p); full-batch SGD with a learning rate
# that falls from 1.0 to 0.1 over 100 steps. The graph is built anew each
# step, as micrograd does (moons_kept.mg builds it once).
data = csv("moons.csv");
X = [[r[0], r[1]] for r in data];
y = [r[2] for r in data];

seed 1337
model = mlp(2, [16, 16, 1], "relu")
print("number of parameters", len(params(model)))

def loss() {
    scores = [model(x) for x in X];
    losses = [(1 + -yi*scorei).relu() for yi, scorei in zip(y, scores)];
    data_loss = sum(losses) * (1.0 / len(losses));
    reg_loss = 1e-4 * sum(p*p for p in params(model));
    total_loss = data_loss + reg_loss;
    accuracy = [(yi > 0) == (scorei.data > 0) for yi, scorei in zip(y, scores)];
    return [total_loss, sum(accuracy) / len(accuracy)]
}

losses = [];
for k in range(100) {
    total_loss, acc = loss();
    zero model
    backward total_loss;
    learning_rate = 1.0 - 0.9*k/100;
    for p in params(model) { p.data -= learning_rate * p.grad; }
    losses = losses + [total_loss.data];
    print("step", k, "loss", total_loss.data, "accuracy", acc*100, "%")
}

plot losses
regions model, X, y
