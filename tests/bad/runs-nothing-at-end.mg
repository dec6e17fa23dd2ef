print "ran"
a = 1
b = 2
c = a * b
backward c
)
