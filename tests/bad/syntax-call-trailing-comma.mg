tanh(1,)
