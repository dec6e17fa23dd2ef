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


# The lecture's tanh is (e^2x - 1)/(e^2x + 1); mgrad's tanh is C's, as
# math.tanh is: checks of mgrad's tanh node set this to math.tanh.
TANH = None


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

    def __truediv__(self, other):
        return self * other ** -1

    def exp(self):
        x = self.data
        out = Value(math.exp(x), (self,))

        def back():
            self.grad += out.data * out.grad
        out._backward = back
        return out

    def tanh(self):
        x = self.data
        t = (math.exp(2 * x) - 1) / (math.exp(2 * x) + 1)
        if TANH:
            t = TANH(x)
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


def mgrad_lines(mgrad, here, name):
    """mgrad's run of name: each line `key n1 n2 ...` as key -> numbers."""
    out = subprocess.run([mgrad, name], capture_output=True, text=True,
                         cwd=here)
    if out.returncode != 0:
        print("not ok - %s: mgrad stopped with an error" % name)
        for line in out.stderr.splitlines()[:3]:
            print("#   " + line)
    lines = {}
    for line in out.stdout.splitlines():
        words = line.replace("[", " ").replace("]", " ").replace(",", " ")
        words = words.split()
        try:
            lines[words[0]] = [float(w) for w in words[1:]]
        except (ValueError, IndexError):
            pass
    return lines


def agree(name, mine, theirs, tolerance=0.0):
    """ok when every number is theirs, within tolerance relative."""
    ok = mine is not None and len(mine) == len(theirs) and all(
        a == b or abs(a - b) <= tolerance * abs(b) for a, b in zip(mine, theirs))
    how = "exactly" if tolerance == 0 else "within %.0e" % tolerance
    print("%s - %s: %s %s" % ("ok" if ok else "not ok", name, how,
                              " ".join(repr(x) for x in theirs)))
    if not ok:
        print("#   mgrad printed %r" % (mine,))


def neuron_cell():
    """The first half's neuron cell (cell 13) with the lecture's Value."""
    x1, x2 = Value(2.0), Value(0.0)
    w1, w2 = Value(-3.0), Value(1.0)
    b = Value(6.8813735870195432)
    x1w1 = x1 * w1
    x2w2 = x2 * w2
    x1w1x2w2 = x1w1 + x2w2
    n = x1w1x2w2 + b
    return dict(x1=x1, x2=x2, w1=w1, w2=w2, b=b, x1w1=x1w1, x2w2=x2w2,
                x1w1x2w2=x1w1x2w2, n=n)


def check_manual(mgrad, here):
    """(a) manual.mg: the neuron's backprop by hand, step by step, against
    the lecture's closures run over mgrad's tanh (C's, as math.tanh)."""
    global TANH
    TANH = math.tanh
    got = mgrad_lines(mgrad, here, "manual.mg")
    v = neuron_cell()
    o = v["n"].tanh()
    v["o"] = o
    names = ["o", "n", "b", "x1w1x2w2", "x1w1", "x2w2", "x1", "w1", "x2",
             "w2"]
    grads = lambda: [v[k].grad for k in names]
    o.grad = 1.0
    steps = [("o", "o._backward()"), ("n", "n._backward()"),
             ("b", "b._backward()"), ("x1w1x2w2", "x1w1x2w2._backward()"),
             ("x2w2", "x2w2._backward()"), ("x1w1", "x1w1._backward()")]
    for k, (node, what) in enumerate(steps):
        v[node]._backward()
        agree("(a) the gradients after " + what, got.get("step%d" % k),
              grads())
    agree("(a) the gradients after the build_topo cell and "
          "node._backward() in reversed(topo)", got.get("topo"),
          [g for g in grads()])
    agree("(a) o.backward() on a fresh neuron", got.get("backward"),
          grads())
    TANH = None


def check_tanh_exp(mgrad, here):
    """(b) tanh_exp.mg: the lecture's tanh body with math.exp, the exp-form
    cell and a Neuron of random.uniform weights."""
    got = mgrad_lines(mgrad, here, "tanh_exp.mg")
    x = 2.0 * -3.0 + 0.0 * 1.0 + 6.8813735870195432
    t = (math.exp(2 * x) - 1) / (math.exp(2 * x) + 1)
    agree("(b) Value.tanh's body with math.exp: t", got.get("t"), [t])
    agree("(b) its local derivative 1 - t**2", got.get("dt"), [1 - t ** 2])
    v = neuron_cell()
    e = (2 * v["n"]).exp()
    o = (e - 1) / (e + 1)
    o.backward()
    # mgrad divides once where the lecture multiplies by (e + 1)**-1
    agree("(b) the cell e = (2*n).exp(); o = (e - 1) / (e + 1)",
          got.get("exp-tanh"), [o.data, v["x1"].grad, v["w1"].grad,
                                v["x2"].grad, v["w2"].grad], 1e-15)
    weights = got.get("weights")
    if not weights or len(weights) != 4:
        print("not ok - (b) Neuron with random.uniform weights: none printed")
        return
    w = [Value(d) for d in weights[:3]]
    b = Value(weights[3])
    act = sum((wi * xi for wi, xi in zip(w, [2.0, 3.0, -1.0])), b)
    out = act.tanh()
    agree("(b) a Neuron of random.uniform(-1,1) weights: act",
          got.get("neuron", [None])[:1], [act.data])
    agree("(b) and tanh(act), C's tanh against the lecture's exp formula",
          got.get("neuron", [None, None])[1:], [out.data], 1e-15)


def check_engine(mgrad, here):
    """(c) engine_tests.mg: micrograd's test_engine.py bodies; the values
    PyTorch gives (float64), which the asserts compare with."""
    got = mgrad_lines(mgrad, here, "engine_tests.mg")
    agree("(c) test_sanity_check: ymg.data == ypt.data, xmg.grad == "
          "xpt.grad", got.get("sanity"), [-20.0, 46.0])
    agree("(c) test_more_ops: gmg.data, amg.grad, bmg.grad (the asserts' "
          "tolerance is 1e-6)", got.get("more_ops"),
          [24.70408163265306, 138.83381924198252, 645.5772594752186])


def main():
    mgrad, here = sys.argv[1], sys.argv[2]
    check_manual(mgrad, here)
    check_tanh_exp(mgrad, here)
    check_engine(mgrad, here)
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
