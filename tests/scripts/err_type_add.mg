# A type error says what it got.
xs = [1, 2]
xs + 1

# expect: xs = [1, 2]
# expect-err: err_type_add.mg:3:1: error: cannot add a list and a number
# expect-err:     3 | xs + 1
# expect-err:       | ^~~~~~
# exit: 1
