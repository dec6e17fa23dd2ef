x = 1
plot x = 0..1
# error: plot-no-expression.mg:2:6: error: plot needs a range: plot e, x = lo..hi
