x = 1
plot x^2
