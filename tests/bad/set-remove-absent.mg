s = set([1, 2])
s.remove(3)
# error: set-remove-absent.mg:2:1: error: remove: 3 is not in the set (s.discard(x) removes x only if it is there)
