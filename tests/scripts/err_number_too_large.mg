a = 1e999

# expect-err: err_number_too_large.mg:1:5: error: number too large: 1e999
# expect-err:     1 | a = 1e999
# expect-err:       |     ^~~~~
# exit: 1
