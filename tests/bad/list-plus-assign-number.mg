xs = [1]
xs += 2
# error: list-plus-assign-number.mg:2:1: error: cannot add a list and a number
