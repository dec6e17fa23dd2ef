print "ran"
y = (1
print "still"
# error: runs-nothing-in-middle.mg:3:1: error: expected ',' or ')', found name 'print'
