def f(a) = a
f(a=1)

# expect-err: err_call_keyword.mg:2:1: error: f takes no keyword arguments
# expect-err:     2 | f(a=1)
# expect-err:       | ^~~~~~
# exit: 1
