x = 1
plot x, x = 0 1
# error: syntax-plot-range-no-dotdot.mg:2:15: error: expected '..', found number 1
