x = 1
plot x, x = "a"..1
