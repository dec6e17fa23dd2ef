print "ran"
a = 1
b = 2
c = a * b
backward c
)
# error: runs-nothing-at-end.mg:6:1: error: expected an expression, found ')'
