a = 1
x = a * 2
plot x^2, x = 0..1
