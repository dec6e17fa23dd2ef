print "ran"
x = 1 +
