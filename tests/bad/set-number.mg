s = set(1)
# error: set-number.mg:1:5: error: set: its argument must be a list, a set or a string, not a number
