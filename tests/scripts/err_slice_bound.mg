# A slice bound must be whole.
xs = [1, 2]
xs[0.5:]

# expect: xs = [1, 2]
# expect-err: err_slice_bound.mg:3:1: error: a slice's bounds and step must be whole numbers or None, not 0.5
# expect-err:     3 | xs[0.5:]
# expect-err:       | ^~~~~~~~
# exit: 1
