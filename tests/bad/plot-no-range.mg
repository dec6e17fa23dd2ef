x = 1
plot x^2
# error: plot-no-range.mg:2:6: error: plot needs a range: plot e, x = lo..hi
