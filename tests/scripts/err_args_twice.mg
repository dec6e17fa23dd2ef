# A def's arguments: twice.
def f(x, h=1) = x + h
f(1, x=2)

# expect-err: err_args_twice.mg:3:1: error: f got two values for 'x'
# expect-err:     3 | f(1, x=2)
# expect-err:       | ^~~~~~~~~
# exit: 1
