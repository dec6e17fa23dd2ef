x = 1
plot x, x = ..1
# error: syntax-plot-range-missing-low.mg:2:13: error: expected an expression, found '..'
