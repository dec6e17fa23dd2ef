x = 3
x(2)

# expect: x = 3
# expect-err: err_not_function.mg:2:1: error: 'x' is a value, not a function
# expect-err:     2 | x(2)
# expect-err:       | ^~~~
# exit: 1
