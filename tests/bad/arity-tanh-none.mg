tanh()
