# Only lists and strings slice.
x = 3
x[1:]

# expect: x = 3
# expect-err: err_slice_number.mg:3:1: error: cannot slice a value (only lists and strings)
# expect-err:     3 | x[1:]
# expect-err:       | ^~~~~
# exit: 1
