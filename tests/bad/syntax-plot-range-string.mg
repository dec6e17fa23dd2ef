x = 1
plot x, x = "a"..1
# error: syntax-plot-range-string.mg:2:13: error: plot: the range must be numbers
