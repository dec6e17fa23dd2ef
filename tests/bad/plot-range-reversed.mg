x = 1
plot x^2, x = 1..0
# error: plot-range-reversed.mg:2:11: error: plot: the range must run from low to high
