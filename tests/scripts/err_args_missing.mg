# A def's arguments: missing.
def f(x, h=1) = x + h
f()

# expect-err: err_args_missing.mg:3:1: error: f is missing its argument 'x'
# expect-err:     3 | f()
# expect-err:       | ^~~
# exit: 1
