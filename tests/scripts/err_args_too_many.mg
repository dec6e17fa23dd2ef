# A def's arguments: too_many.
def f(x, h=1) = x + h
f(1, 2, 3)

# expect-err: err_args_too_many.mg:3:1: error: f takes 2 arguments, not 3
# expect-err:     3 | f(1, 2, 3)
# expect-err:       | ^~~~~~~~~~
# exit: 1
