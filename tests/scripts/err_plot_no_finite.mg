# plot over a range where the expression is nowhere defined is an error
# that names the leaf (q, not x).
q = 1;
plot log(q), q = -2..-1
print "not reached"

# expect-err: err_plot_no_finite.mg:4:1: error: plot: log(q) has no finite value for q from -2 to -1
# expect-err:     4 | plot log(q), q = -2..-1
# expect-err:       | ^~~~~~~~~~~~~~~~~~~~~~~
# exit: 1
