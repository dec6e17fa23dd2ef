x = -2
y = x.log()
# error: domain-log-method.mg:2:5: error: log: log of a number that is not positive (-2)
