x = 1
x.grad = "a"
# error: syntax-grad-assign-string.mg:2:1: error: cannot set .grad to a string
