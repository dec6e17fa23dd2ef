sqrt(-1)
# error: domain-sqrt-negative.mg:1:1: error: sqrt: sqrt of a negative number (-1)
