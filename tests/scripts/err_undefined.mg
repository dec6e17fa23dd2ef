# An undefined name is an error that names it.
a = 1
b = a + nope
print "not reached"

# expect: a = 1
# expect-err: err_undefined.mg:3:9: error: undefined name 'nope'
# expect-err:     3 | b = a + nope
# expect-err:       |         ^~~~
# exit: 1
