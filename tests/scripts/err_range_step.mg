range(0, 10, 0)

# expect-err: err_range_step.mg:1:1: error: range: the step cannot be 0
# expect-err:     1 | range(0, 10, 0)
# expect-err:       | ^~~~~~~~~~~~~~~
# exit: 1
