print(list(3))
# error: list-number.mg:1:7: error: list: its argument must be a list, a set or a string, not a number
