tanh(q)
# error: undefined-in-call.mg:1:6: error: undefined name 'q'
