def f(a) = a
f(b=1)

# expect-err: err_call_keyword.mg:2:1: error: f has no parameter named 'b'
# expect-err:     2 | f(b=1)
# expect-err:       | ^~~~~~
# exit: 1
