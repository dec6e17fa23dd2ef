log(-1)
