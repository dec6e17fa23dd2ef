pow(2)
