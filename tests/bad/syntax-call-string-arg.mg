tanh("x")
