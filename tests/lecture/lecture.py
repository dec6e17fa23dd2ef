"""tests/lecture/lecture.py — the lecture's own Value, Neuron, Layer and MLP
(micrograd_lecture_second_half_roughly.ipynb), restated to check mgrad's
runs of the lecture's pasted cells step by step.

    python3 lecture.py MGRAD DIR    prints ok / not ok lines

The classes compute as the notebook's do: tanh as (e^2x - 1)/(e^2x + 1),
a - b as a + (b * -1), sum() starting from 0, backward() setting the
root's grad to 1 and adding, never clearing. They start from mgrad's
initial parameters, printed by the cells' prelude.
"""
import math
import subprocess
import sys


class Value:
    def __init__(self, data, children=()):
        self.data = data
        self.grad = 0.0
        self._prev = children
        self._backward = lambda: None

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other))

        def back():
            self.grad += 1.0 * out.grad
            other.grad += 1.0 * out.grad
        out._backward = back
        return out

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other))

        def back():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = back
        return out

    def __pow__(self, k):
        out = Value(self.data ** k, (self,))

        def back():
            self.grad += k * self.data ** (k - 1) * out.grad
        out._backward = back
        return out

    def __rmul__(self, other):
        return self * other

    def __radd__(self, other):
        return self + other

    def __neg__(self):
        return self * -1

    def __sub__(self, other):
        return self + (-other)

    def tanh(self):
        x = self.data
        t = (math.exp(2 * x) - 1) / (math.exp(2 * x) + 1)
        out = Value(t, (self,))

        def back():
            self.grad += (1 - t ** 2) * out.grad
        out._backward = back
        return out

    def backward(self):
        order, seen = [], set()
        stack = [(self, False)]
        while stack:
            v, done = stack.pop()
            if done:
                order.append(v)
            elif v not in seen:
                seen.add(v)
                stack.append((v, True))
                for child in reversed(v._prev):
                    stack.append((child, False))
        self.grad = 1.0
        for v in reversed(order):
            v._backward()


class Neuron:
    def __init__(self, nin):
        self.w = [Value(0.0) for _ in range(nin)]
        self.b = Value(0.0)

    def __call__(self, x):
        act = sum((wi * xi for wi, xi in zip(self.w, x)), self.b)
        return act.tanh()

    def parameters(self):
        return self.w + [self.b]


class Layer:
    def __init__(self, nin, nout):
        self.neurons = [Neuron(nin) for _ in range(nout)]

    def __call__(self, x):
        outs = [n(x) for n in self.neurons]
        return outs[0] if len(outs) == 1 else outs

    def parameters(self):
        return [p for n in self.neurons for p in n.parameters()]


class MLP:
    def __init__(self, nin, nouts):
        sizes = [nin] + nouts
        self.layers = [Layer(sizes[i], sizes[i + 1]) for i in range(len(nouts))]

    def __call__(self, x):
        for layer in self.layers:
            x = layer(x)
        return x

    def parameters(self):
        return [p for layer in self.layers for p in layer.parameters()]


XS = [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]]
YS = [1.0, -1.0, -1.0, 1.0]


def lecture_losses(params, reset):
    n = MLP(3, [4, 4, 1])
    for p, value in zip(n.parameters(), params):
        p.data = value
    losses = []
    for k in range(20):
        ypred = [n(x) for x in XS]
        loss = sum((yout - ygt) ** 2 for ygt, yout in zip(YS, ypred))
        if reset:
            for p in n.parameters():
                p.grad = 0.0
        loss.backward()
        for p in n.parameters():
            p.data += -0.1 * p.grad
        losses.append(loss.data)
    return losses


def mgrad_losses(mgrad, path):
    out = subprocess.run([mgrad, path], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[:500])
    params, losses, other = None, [], []
    for line in out.stdout.splitlines():
        words = line.split()
        if line.startswith("params "):
            params = [float(v) for v in line[7:].strip("[] ").split(", ")]
        elif len(words) == 2 and words[0] == str(len(losses)):
            losses.append(float(words[1]))
        else:
            other.append(line)
    return params, losses, other


def compare(name, mine, theirs):
    worst = max((abs(a - b) for a, b in zip(mine, theirs)), default=1.0)
    ok = len(mine) == len(theirs) == 20 and worst <= 1e-12
    print("%s - %s: 20 steps, the loss at each step within %.1e of the "
          "lecture's classes in Python" % ("ok" if ok else "not ok", name, worst))
    if not ok:
        for k, (a, b) in enumerate(zip(mine, theirs)):
            print("#   %d mgrad %r lecture %r" % (k, a, b))


def main():
    mgrad, here = sys.argv[1], sys.argv[2]
    params, mine, other = mgrad_losses(mgrad, here + "/cells_noreset.mg")
    if params is None or len(params) != 41:
        print("not ok - the lecture's loop without the reset: no parameters")
        return
    compare("the lecture's loop without p.grad = 0.0 (gradients accumulate)",
            mine, lecture_losses(params, False))
    _, mine, other = mgrad_losses(mgrad, here + "/cells_reset.mg")
    compare("the lecture's loop with p.grad = 0.0", mine,
            lecture_losses(params, True))


main()
