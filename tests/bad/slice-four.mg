print "ran"
xs = [1]
xs[1:2:3:4]
