tanh(1,)
# error: syntax-call-trailing-comma.mg:1:8: error: expected an expression, found ')'
