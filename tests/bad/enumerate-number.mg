print(enumerate(3))
# error: enumerate-number.mg:1:7: error: enumerate: its argument must be a list, a set or a string, not a number
