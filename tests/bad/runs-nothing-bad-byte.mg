print "ran"
x = 1
y = ÿ
# error: runs-nothing-bad-byte.mg:3:5: error: invalid byte \xff
