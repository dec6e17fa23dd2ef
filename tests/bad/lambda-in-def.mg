print "ran"
def k(x) = lambda y: y
# error: lambda-in-def.mg:2:12: error: a lambda cannot be written inside a function
