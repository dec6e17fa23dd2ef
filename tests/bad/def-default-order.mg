print "ran"
def f(x=1, h) = x
