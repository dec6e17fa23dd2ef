def f(a, b) = a + b
f(1)

# expect-err: err_call_arity.mg:2:1: error: f takes 2 arguments, not 1
# expect-err:     2 | f(1)
# expect-err:       | ^~~~
# exit: 1
