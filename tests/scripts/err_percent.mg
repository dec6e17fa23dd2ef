# There is no remainder operator; the error says so rather than only
# naming the character.
print 7 % 2
# expect-err: err_percent.mg:3:9: error: unexpected character '%'; there is no remainder operator
# expect-err:     3 | print 7 % 2
# expect-err:       |         ^
# exit: 1
