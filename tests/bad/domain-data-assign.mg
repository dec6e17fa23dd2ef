x = 1
x.data = 1/0
# error: domain-data-assign.mg:2:10: error: division by zero: 1 / 0
