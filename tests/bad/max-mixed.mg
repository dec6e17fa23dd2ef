print(max(1, "a"))
# error: max-mixed.mg:1:7: error: cannot order a number and a string
