a = 0; b = 5;
c = b / a

# expect-err: err_div_zero_value.mg:2:5: error: division by zero: 5 / 0
# expect-err:     2 | c = b / a
# expect-err:       |     ^~~~~
# exit: 1
