Value(2.0, name="a")

# expect-err: err_builtin_keyword.mg:1:1: error: Value has no argument called 'name'
# expect-err:     1 | Value(2.0, name="a")
# expect-err:       | ^~~~~~~~~~~~~~~~~~~~
# exit: 1
