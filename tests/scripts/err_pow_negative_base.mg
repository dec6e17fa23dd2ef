x = (-8)^(1/3)

# expect-err: err_pow_negative_base.mg:1:5: error: pow: negative number to a non-integer power: -8 ^ 0.333333
# expect-err:     1 | x = (-8)^(1/3)
# expect-err:       |     ^~~~~~~~~~
# exit: 1
