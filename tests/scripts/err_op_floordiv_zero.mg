# Misuse: floordiv_zero.
print(1 // 0.0)

# expect-err: err_op_floordiv_zero.mg:2:7: error: integer division by zero
# expect-err:     2 | print(1 // 0.0)
# expect-err:       |       ^~~~~~~~
# exit: 1
