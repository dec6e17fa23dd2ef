xs = [2, "a"]
xs.sort()
# error: list-sort-mixed.mg:2:1: error: cannot order a string and a number
