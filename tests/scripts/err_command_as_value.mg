y = tree

# expect-err: err_command_as_value.mg:1:5: error: 'tree' is a command, not a value: write `tree ...` as a statement
# expect-err:     1 | y = tree
# expect-err:       |     ^~~~
# exit: 1
