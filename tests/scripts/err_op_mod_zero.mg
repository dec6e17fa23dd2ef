# Misuse: mod_zero.
print(1 % 0)

# expect-err: err_op_mod_zero.mg:2:7: error: modulo by zero
# expect-err:     2 | print(1 % 0)
# expect-err:       |       ^~~~~
# exit: 1
