return 5

# expect-err: err_return_outside.mg:1:1: error: 'return' outside a function
# expect-err:     1 | return 5
# expect-err:       | ^~~~~~
# exit: 1
