x = 1
continue

# expect-err: err_continue_outside.mg:2:1: error: 'continue' outside a loop
# expect-err:     2 | continue
# expect-err:       | ^~~~~~~~
# exit: 1
