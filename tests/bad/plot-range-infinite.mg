x = 1
plot x, x = 0..1e308*10
# error: plot-range-infinite.mg:2:16: warning: mul overflowed to inf
