"""tests/micrograd/equivalence.py — mgrad trains as micrograd does.

micrograd's engine and nn are restated below from their documented
behaviour: a Value with data, grad, children and a _backward closure;
backward() orders the graph by depth-first search and runs the closures in
reverse; Neuron(nin, nonlin) computes sum((wi*xi for ...), b) and relu when
nonlin; Layer is a list of neurons; MLP(nin, nouts) makes every layer but
the last nonlinear. (Children are kept in order here, where micrograd keeps
a set, so that gradients add up in one fixed order, as in mgrad.)

mgrad runs micrograd's moons demo (examples/moons.mg's loss: SVM
max-margin plus L2 1e-4, SGD with lr = 1.0 - 0.9*k/100) and prints its
initial parameters; the restated micrograd starts from them and must
report the same loss and accuracy at every step. It is as slow as
micrograd, so the test runs STEPS steps (all 100 with MICROGRAD_STEPS=100).

    python3 equivalence.py MGRAD WORKDIR    prints ok / not ok lines
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MOONS = os.path.join(HERE, "..", "..", "examples", "moons.csv")
STEPS = int(os.environ.get("MICROGRAD_STEPS", "8"))


class Value:
    def __init__(self, data, _children=(), _op=""):
        self.data = data
        self.grad = 0
        self._backward = lambda: None
        self._prev = tuple(_children)
        self._op = _op

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other), "+")

        def _backward():
            self.grad += out.grad
            other.grad += out.grad
        out._backward = _backward
        return out

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other), "*")

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = _backward
        return out

    def relu(self):
        out = Value(0 if self.data < 0 else self.data, (self,), "ReLU")

        def _backward():
            self.grad += (out.data > 0) * out.grad
        out._backward = _backward
        return out

    def backward(self):
        topo, visited, stack = [], set(), [(self, False)]
        while stack:                      # micrograd's build_topo, iterative
            v, done = stack.pop()
            if done:
                topo.append(v)
                continue
            if v in visited:
                continue
            visited.add(v)
            stack.append((v, True))
            for child in reversed(v._prev):
                stack.append((child, False))
        self.grad = 1
        for v in reversed(topo):
            v._backward()

    def __neg__(self):
        return self * -1

    def __radd__(self, other):
        return self + other

    def __rmul__(self, other):
        return self * other


class Neuron:
    def __init__(self, nin, nonlin=True):
        self.w = [Value(0.0) for _ in range(nin)]
        self.b = Value(0)
        self.nonlin = nonlin

    def __call__(self, x):
        act = sum((wi * xi for wi, xi in zip(self.w, x)), self.b)
        return act.relu() if self.nonlin else act

    def parameters(self):
        return self.w + [self.b]


class Layer:
    def __init__(self, nin, nout, **kwargs):
        self.neurons = [Neuron(nin, **kwargs) for _ in range(nout)]

    def __call__(self, x):
        out = [n(x) for n in self.neurons]
        return out[0] if len(out) == 1 else out

    def parameters(self):
        return [p for n in self.neurons for p in n.parameters()]


class MLP:
    def __init__(self, nin, nouts):
        sz = [nin] + nouts
        self.layers = [Layer(sz[i], sz[i + 1], nonlin=i != len(nouts) - 1)
                       for i in range(len(nouts))]

    def __call__(self, x):
        for layer in self.layers:
            x = layer(x)
        return x

    def parameters(self):
        return [p for layer in self.layers for p in layer.parameters()]

    def zero_grad(self):
        for p in self.parameters():
            p.grad = 0


def mgrad_run(mgrad, work):
    text = """data = csv("%s");
X = [[r[0], r[1]] for r in data];
y = [r[2] for r in data];
seed 1337
model = mlp(2, [16, 16, 1], "relu");
set digits 17
print("params", [p.data for p in params(model)])
for k in range(%d) {
    scores = [model(x) for x in X];
    losses = [(1 + -yi*scorei).relu() for yi, scorei in zip(y, scores)];
    data_loss = sum(losses) * (1.0 / len(losses));
    reg_loss = 1e-4 * sum(p*p for p in params(model));
    total_loss = data_loss + reg_loss;
    accuracy = [(yi > 0) == (scorei.data > 0) for yi, scorei in zip(y, scores)];
    zero model
    backward total_loss;
    step model, 1.0 - 0.9*k/100
    print("step", total_loss.data, sum(accuracy) / len(accuracy))
}
""" % (MOONS, STEPS)
    path = os.path.join(work, "moons.mg")
    with open(path, "w") as f:
        f.write(text)
    out = subprocess.run([mgrad, path], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[:500])
    params, steps = None, []
    for line in out.stdout.splitlines():
        if line.startswith("params "):
            params = [float(v) for v in
                      line[len("params "):].strip("[] ").split(", ")]
        elif line.startswith("step "):
            _, loss, acc = line.split()
            steps.append((float(loss), float(acc)))
    return params, steps


def micrograd_run(params):
    rows = [list(map(float, line.split(",")))
            for line in open(MOONS).read().split("\n")[1:] if line]
    X = [[r[0], r[1]] for r in rows]
    y = [r[2] for r in rows]
    model = MLP(2, [16, 16, 1])
    for p, value in zip(model.parameters(), params):
        p.data = value
    steps = []
    for k in range(STEPS):
        inputs = [list(map(Value, xrow)) for xrow in X]
        scores = list(map(model, inputs))
        losses = [(1 + -yi * scorei).relu() for yi, scorei in zip(y, scores)]
        data_loss = sum(losses) * (1.0 / len(losses))
        alpha = 1e-4
        reg_loss = alpha * sum((p * p for p in model.parameters()))
        total_loss = data_loss + reg_loss
        accuracy = [(yi > 0) == (scorei.data > 0)
                    for yi, scorei in zip(y, scores)]
        model.zero_grad()
        total_loss.backward()
        learning_rate = 1.0 - 0.9 * k / 100
        for p in model.parameters():
            p.data -= learning_rate * p.grad
        steps.append((total_loss.data, sum(accuracy) / len(accuracy)))
    return steps


def main():
    mgrad, work = sys.argv[1], sys.argv[2]
    params, mine = mgrad_run(mgrad, work)
    theirs = micrograd_run(params)
    worst = max(abs(a[0] - b[0]) / abs(b[0]) for a, b in zip(mine, theirs))
    same_accuracy = all(a[1] == b[1] for a, b in zip(mine, theirs))
    ok = (len(params) == 337 and len(mine) == len(theirs) == STEPS and
          worst <= 1e-12 and same_accuracy)
    print("%s - micrograd's moons training, %d steps from mgrad's initial "
          "parameters: worst relative difference in the loss %.1e, accuracy "
          "%s" % ("ok" if ok else "not ok", STEPS, worst,
                  "the same" if same_accuracy else "differs"))


main()
