a = 1
del a + 1
# error: del-expression.mg:2:5: error: del takes names, as in del a, b
