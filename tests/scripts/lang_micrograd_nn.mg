# micrograd's nn names: MLP, Layer, Neuron, m.parameters(), m.zero_grad().
# They are mlp, layer, neuron, params(m) and zero m: the same model from
# the same seed, the same losses.
xs = [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]];
ys = [1.0, -1.0, -1.0, 1.0];
def train(n) {
    losses = [];
    repeat 3 {
        ypred = [n(x) for x in xs];
        loss = sum((yout - ygt)**2 for ygt, yout in zip(ys, ypred));
        n.zero_grad();
        loss.backward();
        for p in n.parameters() { p.data += -0.1 * p.grad; }
        losses = losses + [loss.data];
    }
    return losses
}
seed 7
a = train(MLP(3, [4, 4, 1]));
seed 7
b = mlp(3, [4, 4, 1]);
bl = [];
repeat 3 {
    L = sum((b(x) - y)**2 for x, y in zip(xs, ys));
    zero b
    backward L;
    step b, 0.1
    bl = bl + [L.data];
}
print a == bl, len(a)
print len(Layer(2, 3).parameters()), len(Neuron(4).parameters())
print MLP(2, [16, 16, 1], "relu")
m = MLP(2, [1]);
m.parameters()[0].grad = 5;
m.zero_grad()
print m.parameters()[0].grad
zero_grad(3)
# expect: 1 3
# expect: 9 5
# expect: MLP of [Layer of [ReLUNeuron(2), ReLUNeuron(2), ReLUNeuron(2), ReLUNeuron(2), ReLUNeuron(2), ReLUNeuron(2), ReLUNeuron(2), ReLUNeuron(2), ReLUNeuron(2), ReLUNeuron(2), ReLUNeuron(2), ReLUNeuron(2), ReLUNeuron(2), ReLUNeuron(2), ReLUNeuron(2), ReLUNeuron(2)], Layer of [ReLUNeuron(16), ReLUNeuron(16), ReLUNeuron(16), ReLUNeuron(16), ReLUNeuron(16), ReLUNeuron(16), ReLUNeuron(16), ReLUNeuron(16), ReLUNeuron(16), ReLUNeuron(16), ReLUNeuron(16), ReLUNeuron(16), ReLUNeuron(16), ReLUNeuron(16), ReLUNeuron(16), ReLUNeuron(16)], Layer of [LinearNeuron(16)]]
# expect: 0
# expect-err: lang_micrograd_nn.mg:37:1: error: zero_grad: expected a model, not a number
# expect-err:    37 | zero_grad(3)
# expect-err:       | ^~~~~~~~~~~~
# exit: 1
