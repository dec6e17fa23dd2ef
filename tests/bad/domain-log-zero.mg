log(0)
# error: domain-log-zero.mg:1:1: error: log: log of a number that is not positive (0)
