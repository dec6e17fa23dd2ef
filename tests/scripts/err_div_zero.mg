# The statement has no effect: y stays unbound.
y = 1/0
print y

# expect-err: err_div_zero.mg:2:5: error: division by zero: 1 / 0
# expect-err:     2 | y = 1/0
# expect-err:       |     ^~~
# exit: 1
