print "ran"
def f(x):
return x
