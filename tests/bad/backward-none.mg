backward
# error: backward-none.mg:1:1: error: backward: wrong number of arguments; usage: backward L   or   L.backward()
