xs = [1, 2]
xs.pop(0.5)
# error: list-pop-fraction.mg:2:1: error: a list index is a whole number, not a fraction
