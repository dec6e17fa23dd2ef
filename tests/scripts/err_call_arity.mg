def f(a, b) = a + b
f(1)

# expect-err: err_call_arity.mg:2:1: error: f is missing its argument 'b'
# expect-err:     2 | f(1)
# expect-err:       | ^~~~
# exit: 1
