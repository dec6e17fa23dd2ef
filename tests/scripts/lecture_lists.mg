# The lecture's training loop with Python's lists: the losses kept by
# append, the best step found by min with a key, the parameters sorted
# by their gradients, and a topological order built with a set.
seed 1337
n = MLP(3, [4, 4, 1]);
xs = [
  [2.0, 3.0, -1.0],
  [3.0, -1.0, 0.5],
  [0.5, 1.0, 1.0],
  [1.0, 1.0, -1.0],
];
ys = [1.0, -1.0, -1.0, 1.0];
losses = []
for k in range(5):
  ypred = [n(x) for x in xs]
  loss = sum((yout - ygt)**2 for ygt, yout in zip(ys, ypred))
  for p in n.parameters():
    p.grad = 0.0
  loss.backward()
  for p in n.parameters():
    p.data += -0.1 * p.grad
  losses.append(loss.data)
print(len(losses), losses[-1] < losses[0], losses.index(max(losses)))
best = min(enumerate(losses), key=lambda pair: pair[1])
print(best[0])
params = n.parameters();
steepest = max(params, key=lambda p: abs(p.grad));
print(steepest in params, params.count(steepest), params.index(steepest) >= 0)
print(len(sorted(params, key=lambda p: p.grad)), len(set(params)))
ranked = sorted(params, key=lambda p: -abs(p.grad));
print(ranked[0] is steepest)

# expect: losses = []
# expect: 5 1 1
# expect: best = [4, 1.1752099835506737]
# expect: 4
# expect: 1 1 1
# expect: 41 41
# expect: 1
