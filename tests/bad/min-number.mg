print(min(3))
# error: min-number.mg:1:7: error: min: its argument must be a list, a set or a string, not a number
