# lambda inside a def.
def k(x):
    return lambda y: y

# expect-err: err_lambda_in_def.mg:3:12: error: a lambda cannot be written inside a function
# expect-err:     3 |     return lambda y: y
# expect-err:       |            ^~~~~~
# exit: 1
