x = 1
x.grad = "a"
