x = 1; y = x * 2;
plot y, y = 0..1

# expect-err: err_plot_not_leaf.mg:2:9: error: plot: 'y' must be a leaf (a number given a name), not computed by mul
# expect-err:     2 | plot y, y = 0..1
# expect-err:       |         ^~~~~~~~
# exit: 1
