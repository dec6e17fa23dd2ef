x = 1
plot x, x = 0:1
