tanh(,1)
