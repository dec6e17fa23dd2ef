xs = [1]
xs.clear(0)
# error: list-clear-arg.mg:2:1: error: clear takes 0 arguments, not 1: xs.clear()
