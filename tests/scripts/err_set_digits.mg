set digits 18

# expect-err: err_set_digits.mg:1:12: error: digits must be a whole number from 1 to 17
# expect-err:     1 | set digits 18
# expect-err:       |            ^~
# exit: 1
