x = 1
x.backward(1)
