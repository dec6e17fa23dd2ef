print(all([1], [2]))
# error: all-two.mg:1:7: error: all takes 1 argument, not 2
