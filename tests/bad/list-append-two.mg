xs = [1]
xs.append(1, 2)
# error: list-append-two.mg:2:1: error: append takes 1 argument, not 2: xs.append(x)
