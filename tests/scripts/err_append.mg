# Lists have no methods; the error for Python's append shows the mgrad way.
xs = [1]
xs.append(2)
# expect: xs = [1]
# expect-err: err_append.mg:3:1: error: unknown function 'append': lists grow with +, as in xs = xs + [x]
# expect-err:     3 | xs.append(2)
# expect-err:       | ^~~~~~~~~~~~
# exit: 1
