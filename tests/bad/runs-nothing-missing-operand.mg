print "ran"
x = 1 +
# error: runs-nothing-missing-operand.mg:2:8: error: unexpected end of line, expected an expression
