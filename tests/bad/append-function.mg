xs = [1]
append(xs, 1)
# error: append-function.mg:2:1: error: append is a list method, not a function: write xs.append(x)
