del "a"
# error: del-string.mg:1:5: error: del takes names, as in del a, b
