a = -4
b = a.sqrt()

# expect: a = -4
# expect-err: err_sqrt.mg:2:5: error: sqrt: sqrt of a negative number (-4)
# expect-err:     2 | b = a.sqrt()
# expect-err:       |     ^~~~~~~~
# exit: 1
