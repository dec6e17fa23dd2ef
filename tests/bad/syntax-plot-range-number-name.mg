x = 1
plot x, 2 = 0..1
