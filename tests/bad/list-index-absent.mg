xs = [1, 2]
xs.index(3)
# error: list-index-absent.mg:2:1: error: index: 3 is not in the list
