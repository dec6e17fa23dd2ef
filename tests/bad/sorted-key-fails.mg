print(sorted([1, 2], key=lambda v: v + "a"))
# error: sorted-key-fails.mg:1:36: error: cannot add a number and a string
