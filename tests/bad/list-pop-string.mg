xs = [1, 2]
xs.pop("a")
# error: list-pop-string.mg:2:1: error: a list index is a whole number, not a string
