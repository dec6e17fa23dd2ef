xs = [1]
xs.copy(xs)
# error: list-copy-arg.mg:2:1: error: copy takes 0 arguments, not 1: xs.copy()
