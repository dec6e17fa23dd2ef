print "ran"
x = 7 % % 2
# error: op-percent-twice.mg:2:9: error: expected an expression, found '%'
