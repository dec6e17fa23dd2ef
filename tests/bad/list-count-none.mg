xs = [1]
xs.count()
# error: list-count-none.mg:2:1: error: count takes 1 argument, not 0: xs.count(x)
