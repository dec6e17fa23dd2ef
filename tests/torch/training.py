"""tests/torch/training.py — training against PyTorch (float64).

mgrad builds a random MLP from a fixed seed and prints its initial
parameters at 17 digits (which read back exactly); torch builds the same
network from them, and both train it for 20 steps of gradient descent on
the same data. The loss at every step must match to 1e-9 relative.

Two networks: the lecture's mlp(3, [4, 4, 1]) (examples/mlp.mg) of tanh neurons on its four
examples with the squared error, and micrograd's mlp(2, [16, 16, 1], "relu")
on the first 20 moons with the max-margin loss and L2 regularisation.

    python3 training.py MGRAD WORKDIR     prints ok / not ok lines
"""
import os
import subprocess
import sys

import torch

torch.set_default_dtype(torch.float64)
TOLERANCE = 1e-9
STEPS = 20
HERE = os.path.dirname(os.path.abspath(__file__))
MOONS = os.path.join(HERE, "..", "..", "examples", "moons.csv")


def run_mgrad(mgrad, work, name, text):
    path = os.path.join(work, name + ".mg")
    with open(path, "w") as f:
        f.write(text)
    out = subprocess.run([mgrad, path], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError("mgrad failed on %s: %s" % (name, out.stderr[:500]))
    params, losses = None, []
    for line in out.stdout.splitlines():
        if line.startswith("params "):
            params = [float(x) for x in
                      line[len("params "):].strip("[] ").split(", ")]
        elif line.startswith("loss "):
            losses.append(float(line.split()[1]))
    return params, losses


def layers_from(params, sizes):
    """micrograd's order: layer by layer, neuron by neuron, w then b."""
    layers, k = [], 0
    for nin, nout in zip(sizes, sizes[1:]):
        w = torch.zeros(nout, nin)
        b = torch.zeros(nout)
        for n in range(nout):
            for i in range(nin):
                w[n, i] = params[k]
                k += 1
            b[n] = params[k]
            k += 1
        layers.append((w.requires_grad_(), b.requires_grad_()))
    assert k == len(params), (k, len(params))
    return layers


def forward(layers, x, activation):
    for index, (w, b) in enumerate(layers):
        x = w @ x + b
        last = index == len(layers) - 1
        if activation == "tanh":
            x = torch.tanh(x)
        elif activation == "relu" and not last:
            x = torch.relu(x)
    return x[0]


def compare(name, mine, theirs):
    worst = 0.0
    for a, b in zip(mine, theirs):
        worst = max(worst, abs(a - b) / max(abs(b), 1e-300))
    ok = len(mine) == len(theirs) == STEPS and worst <= TOLERANCE
    print("%s - torch training %s: %d steps, worst relative difference %.1e"
          % ("ok" if ok else "not ok", name, len(mine), worst))


def seed004(mgrad, work):
    text = """seed 20
xs = [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]];
ys = [1.0, -1.0, -1.0, 1.0];
m = mlp(3, [4, 4, 1]);
set digits 17
set items all
print("params", [p.data for p in params(m)])
repeat %d {
    ypred = [m(x) for x in xs];
    loss = sum((yout - ygt)**2 for ygt, yout in zip(ys, ypred));
    zero m
    backward loss;
    step m, 0.05
    print("loss", loss.data)
}
""" % STEPS
    params, mine = run_mgrad(mgrad, work, "seed004", text)
    xs = torch.tensor([[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0],
                       [1.0, 1.0, -1.0]])
    ys = [1.0, -1.0, -1.0, 1.0]
    layers = layers_from(params, [3, 4, 4, 1])
    theirs = []
    for _ in range(STEPS):
        loss = sum((forward(layers, x, "tanh") - y) ** 2 for x, y in zip(xs, ys))
        for w, b in layers:
            w.grad = b.grad = None
        loss.backward()
        with torch.no_grad():
            for w, b in layers:
                w -= 0.05 * w.grad
                b -= 0.05 * b.grad
        theirs.append(loss.item())
    compare("the lecture's mlp(3, [4, 4, 1])", mine, theirs)


def moons(mgrad, work):
    text = """data = csv("%s");
data = [data[i] for i in range(20)];
X = [[r[0], r[1]] for r in data];
y = [r[2] for r in data];
seed 1337
model = mlp(2, [16, 16, 1], "relu");
set digits 17
set items all
print("params", [p.data for p in params(model)])
for k in range(%d) {
    scores = [model(x) for x in X];
    losses = [(1 + -yi*scorei).relu() for yi, scorei in zip(y, scores)];
    data_loss = sum(losses) * (1.0 / len(losses));
    reg_loss = 1e-4 * sum(p*p for p in params(model));
    total_loss = data_loss + reg_loss;
    zero model
    backward total_loss;
    step model, 1.0 - 0.9*k/100
    print("loss", total_loss.data)
}
""" % (MOONS, STEPS)
    params, mine = run_mgrad(mgrad, work, "moons", text)
    rows = [list(map(float, line.split(",")))
            for line in open(MOONS).read().split("\n")[1:21]]
    X = torch.tensor([[r[0], r[1]] for r in rows])
    y = [r[2] for r in rows]
    layers = layers_from(params, [2, 16, 16, 1])
    theirs = []
    for k in range(STEPS):
        scores = [forward(layers, x, "relu") for x in X]
        losses = [torch.relu(1 - yi * s) for yi, s in zip(y, scores)]
        data_loss = sum(losses) * (1.0 / len(losses))
        reg_loss = 1e-4 * sum((p * p).sum() for w, b in layers for p in (w, b))
        total = data_loss + reg_loss
        for w, b in layers:
            w.grad = b.grad = None
        total.backward()
        lr = 1.0 - 0.9 * k / 100
        with torch.no_grad():
            for w, b in layers:
                w -= lr * w.grad
                b -= lr * b.grad
        theirs.append(total.item())
    compare("micrograd's moons mlp(2, [16, 16, 1], relu)", mine, theirs)


def main():
    mgrad, work = sys.argv[1], sys.argv[2]
    seed004(mgrad, work)
    moons(mgrad, work)


main()
