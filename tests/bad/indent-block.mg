print "ran"
def f(x):
return x
# error: indent-block.mg:3:1: error: expected an indented block after ':'
