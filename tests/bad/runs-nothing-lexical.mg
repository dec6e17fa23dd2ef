print "ran"
x = 1 @ 2
# error: runs-nothing-lexical.mg:2:7: error: unexpected character '@'
