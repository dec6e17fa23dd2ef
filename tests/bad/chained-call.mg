print "ran"
x = 0 < len([1]) < 2
