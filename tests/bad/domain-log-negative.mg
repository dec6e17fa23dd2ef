log(-1)
# error: domain-log-negative.mg:1:1: error: log: log of a number that is not positive (-1)
