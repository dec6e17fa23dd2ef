tanh(1
