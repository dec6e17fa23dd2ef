x = 1
plot x^2, x = 1..1
# error: plot-range-empty.mg:2:11: error: plot: the range must run from low to high
