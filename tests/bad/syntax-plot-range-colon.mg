x = 1
plot x, x = 0:1
# error: syntax-plot-range-colon.mg:2:14: error: expected '..', found ':'
