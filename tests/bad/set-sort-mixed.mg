print(sorted(set([1, "a"])))
# error: set-sort-mixed.mg:1:7: error: cannot order a string and a number
