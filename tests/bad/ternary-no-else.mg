print "ran"
y = 1 if 2
# error: ternary-no-else.mg:2:11: error: expected 'else', found end of line (a conditional expression is written x if c else y)
