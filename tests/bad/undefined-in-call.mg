tanh(q)
