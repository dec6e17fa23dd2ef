s = set([1])
t = s + s
# error: set-plus.mg:2:5: error: cannot add a set and a set
