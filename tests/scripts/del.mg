# del unbinds; graphs that still use the node keep it.
a = 2; b = a * 3;
del a
vars
b
backward b
x = 1; y = 2; del x, y
vars

# expect: b = 6
# expect: b = 6
# expect: db/da = 3
# expect: b = 6  (grad 1)
