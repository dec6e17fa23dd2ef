xs = [1, 2]
xs.insert(3)
# error: list-insert-one.mg:2:1: error: insert takes 2 arguments, not 1: xs.insert(i, x)
