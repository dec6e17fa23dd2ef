x = tanh
