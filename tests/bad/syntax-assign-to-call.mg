tanh(1) = 2
