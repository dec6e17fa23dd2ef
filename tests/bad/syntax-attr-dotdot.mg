x = 1
x..data
