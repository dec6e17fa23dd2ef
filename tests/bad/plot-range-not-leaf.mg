a = 1
x = a * 2
plot x^2, x = 0..1
# error: plot-range-not-leaf.mg:3:11: error: plot: 'x' must be a leaf (a number given a name), not computed by mul
