x = 1
x.data = 1/0
