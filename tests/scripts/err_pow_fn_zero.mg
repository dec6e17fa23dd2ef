z = pow(0, -2)

# expect-err: err_pow_fn_zero.mg:1:5: error: pow: zero to a negative power: 0 ^ -2
# expect-err:     1 | z = pow(0, -2)
# expect-err:       |     ^~~~~~~~~~
# exit: 1
