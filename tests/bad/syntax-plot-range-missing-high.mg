x = 1
plot x, x = 0..
# error: syntax-plot-range-missing-high.mg:2:16: error: unexpected end of line, expected an expression
