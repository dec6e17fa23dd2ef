print "a" * 2
