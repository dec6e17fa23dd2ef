x = pow(2)

# expect-err: err_arity_pow.mg:1:5: error: pow takes 2 arguments, not 1
# expect-err:     1 | x = pow(2)
# expect-err:       |     ^~~~~~
# exit: 1
