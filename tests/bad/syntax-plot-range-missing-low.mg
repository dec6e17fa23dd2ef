x = 1
plot x, x = ..1
