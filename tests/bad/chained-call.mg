print "ran"
x = 0 < len([1]) < 2
# error: chained-call.mg:2:20: error: a chained comparison's middle term must be a name, a number or an attribute
