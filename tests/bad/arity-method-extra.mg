x = 1
x.tanh(2)
