# return a, b needs a function.
return 1, 2

# expect-err: err_return_tuple.mg:2:1: error: 'return' outside a function
# expect-err:     2 | return 1, 2
# expect-err:       | ^~~~~~
# exit: 1
