set ascii maybe

# expect-err: err_set_on_off.mg:1:11: error: expected on or off
# expect-err:     1 | set ascii maybe
# expect-err:       |           ^~~~~
# exit: 1
