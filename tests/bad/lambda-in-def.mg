print "ran"
def k(x) = lambda y: y
