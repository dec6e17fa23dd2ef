# Training statements: zero m, step m, lr, step list, lr, forward L on a
# kept graph; the same as the micrograd loop over params(m).
seed 3
m = mlp(2, [3, 1])
x = [0.5, -1.0]
L = (m(x) - 1)**2
zero m
backward L;
before = L.data;
step m, 0.1
forward L;
L.data < before
for p in params(m) { p.data -= 0.1 * p.grad; }
forward L;
zero m
sum(p.grad for p in params(m))
k = Value(2.0)
k.grad = 1
step [k], 0.5
k.data

# expect: m = MLP of [Layer of [TanhNeuron(2), TanhNeuron(2), TanhNeuron(2)], Layer of [TanhNeuron(3)]]
# expect: x = [0.5, -1]
# expect: L = 0.9644547569396412
# expect: 1
# expect: 0
# expect: k = 2
# expect: k.grad = 1
# expect: 1.5
