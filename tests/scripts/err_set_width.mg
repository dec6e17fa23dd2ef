# set width takes a whole number of columns from 20 to 100000, or auto.
set width 160
set width
set width 5

# expect: width 160
# expect-err: err_set_width.mg:4:11: error: width must be a whole number from 20 to 100000
# expect-err:     4 | set width 5
# expect-err:       |           ^
# exit: 1
