print(sorted([1, 2], key=3))
# error: sorted-key-number.mg:1:7: error: a number is not a function
