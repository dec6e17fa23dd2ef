xs = [1]
xs.append()
# error: list-append-none.mg:2:1: error: append takes 1 argument, not 0: xs.append(x)
