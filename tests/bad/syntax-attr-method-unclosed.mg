x = 1
x.tanh(
