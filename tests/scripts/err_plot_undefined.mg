x = 1
plot x * 2, t = 0..1

# expect: x = 1
# expect-err: err_plot_undefined.mg:2:13: error: undefined name 't'
# expect-err:     2 | plot x * 2, t = 0..1
# expect-err:       |             ^~~~~~~~
# exit: 1
