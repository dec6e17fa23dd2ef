# break outside a loop is a syntax error: nothing runs.
print("not printed")
break

# expect-err: err_break_outside.mg:3:1: error: 'break' outside a loop
# expect-err:     3 | break
# expect-err:       | ^~~~~
# exit: 1
