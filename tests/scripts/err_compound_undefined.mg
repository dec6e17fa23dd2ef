n += 1

# expect-err: err_compound_undefined.mg:1:1: error: undefined name 'n' (a compound assignment needs a value to start from)
# expect-err:     1 | n += 1
# expect-err:       | ^~~~~~
# exit: 1
