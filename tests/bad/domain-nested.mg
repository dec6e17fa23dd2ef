x = 0
y = tanh(1 / x)
# error: domain-nested.mg:2:10: error: division by zero: 1 / 0
