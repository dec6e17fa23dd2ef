x = 1
plot x, 0..1
