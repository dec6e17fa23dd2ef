1/0
# error: domain-div-zero.mg:1:1: error: division by zero: 1 / 0
