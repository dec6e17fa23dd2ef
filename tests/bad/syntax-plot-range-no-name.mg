x = 1
plot x, 0..1
# error: syntax-plot-range-no-name.mg:2:10: error: expected end of line, found '..'
