# The lecture's cells (micrograd_lecture_second_half_roughly.ipynb), pasted
# unchanged below the marked line. Above it: the lecture's network, made by
# mgrad's MLP (tanh in every layer, as the lecture's) from a fixed seed.
seed 1337
n = MLP(3, [4, 4, 1]);
# ---- pasted from the notebook ----
xs = [
  [2.0, 3.0, -1.0],
  [3.0, -1.0, 0.5],
  [0.5, 1.0, 1.0],
  [1.0, 1.0, -1.0],
]
ys = [1.0, -1.0, -1.0, 1.0] # desired targets

for k in range(20):
  
  # forward pass
  ypred = [n(x) for x in xs]
  loss = sum((yout - ygt)**2 for ygt, yout in zip(ys, ypred))
  
  # backward pass
  for p in n.parameters():
    p.grad = 0.0
  loss.backward()
  
  # update
  for p in n.parameters():
    p.data += -0.1 * p.grad
  
  print(k, loss.data)
  