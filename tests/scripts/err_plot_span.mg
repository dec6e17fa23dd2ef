# plot of values that span more than a double can hold is an error.
x = 0;
plot x*1e308, x = -1..1
print "not reached"

# expect-err: err_plot_span.mg:3:1: error: plot: the values of x*1e308 span more than a double can hold; try a narrower range
# expect-err:     3 | plot x*1e308, x = -1..1
# expect-err:       | ^~~~~~~~~~~~~~~~~~~~~~~
# exit: 1
