a = 1
zero a, a
# error: zero-two.mg:2:1: error: zero: wrong number of arguments; usage: zero [L]   zero m
