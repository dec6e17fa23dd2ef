print(sorted([1, "a"]))
# error: sorted-mixed.mg:1:7: error: cannot order a string and a number
