tanh(,1)
# error: syntax-call-leading-comma.mg:1:6: error: expected an expression or ')', found ','
