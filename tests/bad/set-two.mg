s = set([1], [2])
# error: set-two.mg:1:5: error: set takes 0 to 1 arguments, not 2
