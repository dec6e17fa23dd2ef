print , 1
