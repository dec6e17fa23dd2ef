0/0
# error: domain-zero-div-zero.mg:1:1: error: division by zero: 0 / 0
