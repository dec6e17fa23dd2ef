a = 2
c = a / (a - a)
# error: domain-div-zero-expr.mg:2:5: error: division by zero: 2 / 0
