# Misuse: in_string_left.
print(1 in "abc")

# expect-err: err_op_in_string_left.mg:2:7: error: 'in <string>' needs a string on its left, not a number
# expect-err:     2 | print(1 in "abc")
# expect-err:       |       ^~~~~~~~~~
# exit: 1
