s = set()
s.add()
# error: set-add-none.mg:2:1: error: add takes 1 argument, not 0: s.add(x)
