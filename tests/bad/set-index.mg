s = set([1])
s[0]
# error: set-index.mg:2:1: error: cannot index a set
