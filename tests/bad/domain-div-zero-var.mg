a = 1; b = 0
c = a / b
# error: domain-div-zero-var.mg:2:5: error: division by zero: 1 / 0
