vars 1
