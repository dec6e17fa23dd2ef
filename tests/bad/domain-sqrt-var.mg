x = -4
y = sqrt(x)
# error: domain-sqrt-var.mg:2:5: error: sqrt: sqrt of a negative number (-4)
