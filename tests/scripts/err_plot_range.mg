x = 1
plot x * 2, x = 1..0

# expect: x = 1
# expect-err: err_plot_range.mg:2:13: error: plot: the range must run from low to high
# expect-err:     2 | plot x * 2, x = 1..0
# expect-err:       |             ^~~~~~~~
# exit: 1
