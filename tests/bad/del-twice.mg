a = 1
del a
del a
# error: del-twice.mg:3:5: error: del: 'a' is not bound
