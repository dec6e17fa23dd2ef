# plot over a range wider than a double can hold is an error.
x = 0;
plot x, x = -1e308..1e308
print "not reached"

# expect-err: err_plot_range_wide.mg:3:1: error: plot: the range is wider than a double can hold
# expect-err:     3 | plot x, x = -1e308..1e308
# expect-err:       | ^~~~~~~~~~~~~~~~~~~~~~~~~
# exit: 1
