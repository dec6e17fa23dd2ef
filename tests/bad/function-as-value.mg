x = tanh
tree x
