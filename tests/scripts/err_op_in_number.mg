# Misuse: in_number.
print(1 in 2)

# expect-err: err_op_in_number.mg:2:7: error: 'in' needs a list, a set or a string on its right, not a number
# expect-err:     2 | print(1 in 2)
# expect-err:       |       ^~~~~~
# exit: 1
