print "ran"
y = 1 if 2
