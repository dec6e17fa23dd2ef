# append is a list's method, not a function: the error shows the method.
xs = [1]
append(xs, 2)

# expect: xs = [1]
# expect-err: err_append.mg:3:1: error: append is a list method, not a function: write xs.append(x)
# expect-err:     3 | append(xs, 2)
# expect-err:       | ^~~~~~~~~~~~~
# exit: 1
