xs = [1, 2]
xs.pop(5)
# error: list-pop-range.mg:2:1: error: index 5 is out of range for a list of length 2
