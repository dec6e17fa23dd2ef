a = 2
print a
b = log(a - 2)
# error: domain-after-output.mg:3:5: error: log: log of a number that is not positive (0)
