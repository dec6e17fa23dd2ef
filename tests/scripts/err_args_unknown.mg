# A def's arguments: unknown.
def f(x, h=1) = x + h
f(1, y=2)

# expect-err: err_args_unknown.mg:3:1: error: f has no parameter named 'y'
# expect-err:     3 | f(1, y=2)
# expect-err:       | ^~~~~~~~~
# exit: 1
