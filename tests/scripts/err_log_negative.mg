b = log(-1)

# expect-err: err_log_negative.mg:1:5: error: log: log of a number that is not positive (-1)
# expect-err:     1 | b = log(-1)
# expect-err:       |     ^~~~~~~
# exit: 1
