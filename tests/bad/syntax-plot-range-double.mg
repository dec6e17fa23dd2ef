x = 1
plot x, x = 0..1..2
# error: syntax-plot-range-double.mg:2:17: error: expected end of line, found '..'
