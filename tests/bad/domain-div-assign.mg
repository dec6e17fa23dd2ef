a = 1
a /= 0
# error: domain-div-assign.mg:2:1: error: division by zero: 1 / 0
