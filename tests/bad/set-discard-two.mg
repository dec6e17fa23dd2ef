s = set()
s.discard(1, 2)
# error: set-discard-two.mg:2:1: error: discard takes 1 argument, not 2: s.discard(x)
