repeat 2.5 { print("x") }

# expect-err: err_repeat_fraction.mg:1:8: error: repeat needs a whole number of times, not a negative or fractional one
# expect-err:     1 | repeat 2.5 { print("x") }
# expect-err:       |        ^~~
# exit: 1
