xs = [2, 1]
xs.sort(1)
# error: list-sort-positional.mg:2:1: error: sort takes only key= and reverse=: xs.sort()   xs.sort(key=f, reverse=True)
