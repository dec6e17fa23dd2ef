a = 0
b = log(a)

# expect: a = 0
# expect-err: err_log.mg:2:5: error: log: log of a number that is not positive (0)
# expect-err:     2 | b = log(a)
# expect-err:       |     ^~~~~~
# exit: 1
