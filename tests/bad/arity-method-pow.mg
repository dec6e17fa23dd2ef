x = 2
x.pow()
