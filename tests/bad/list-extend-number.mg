xs = [1]
xs.extend(2)
# error: list-extend-number.mg:2:1: error: extend takes a list or a set, not a number: xs.extend(ys)
