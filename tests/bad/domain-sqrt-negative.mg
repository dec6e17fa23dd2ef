sqrt(-1)
