s = set()
add(s, 1)
# error: add-function.mg:2:1: error: add is a set method, not a function: write s.add(x)
