print(sorted(3))
# error: sorted-number.mg:1:7: error: sorted: cannot sort a number (a list or a set is needed)
