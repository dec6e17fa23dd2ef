tanh("x")
# error: syntax-call-string-arg.mg:1:1: error: tanh needs numbers or values, not a string
