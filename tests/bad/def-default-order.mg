print "ran"
def f(x=1, h) = x
# error: def-default-order.mg:2:12: error: a parameter without a default cannot follow one with a default
