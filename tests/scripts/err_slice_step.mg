# A slice step of zero.
xs = [1, 2]
xs[::0]

# expect: xs = [1, 2]
# expect-err: err_slice_step.mg:3:1: error: slice step cannot be zero
# expect-err:     3 | xs[::0]
# expect-err:       | ^~~~~~~
# exit: 1
