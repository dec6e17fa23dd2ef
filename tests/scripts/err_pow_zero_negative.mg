a = 0
b = a ^ -1

# expect: a = 0
# expect-err: err_pow_zero_negative.mg:2:5: error: pow: zero to a negative power: 0 ^ -1
# expect-err:     2 | b = a ^ -1
# expect-err:       |     ^~~~~~
# exit: 1
