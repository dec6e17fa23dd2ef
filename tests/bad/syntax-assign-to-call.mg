tanh(1) = 2
# error: syntax-assign-to-call.mg:1:1: error: cannot assign to 'tanh(1)'
