print(any(3))
# error: any-number.mg:1:7: error: any: its argument must be a list, a set or a string, not a number
