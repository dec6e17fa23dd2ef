x = 1
plot x, 2 = 0..1
# error: syntax-plot-range-number-name.mg:2:11: error: expected end of line, found '='
