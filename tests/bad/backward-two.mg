a = 1
backward a, a
# error: backward-two.mg:2:1: error: backward: wrong number of arguments; usage: backward L   or   L.backward()
