x = 1
plot x^2, x = 1..0
