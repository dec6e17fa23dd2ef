x = -2
y = x.log()
