2.tanh()
