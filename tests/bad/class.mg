print "ran"
class A:
    x = 1
