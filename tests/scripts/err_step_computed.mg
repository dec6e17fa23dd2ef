a = 2; b = a * 3;
step [b], 0.1

# expect-err: err_step_computed.mg:2:6: error: step: 'b' is computed by mul; only leaves can be stepped
# expect-err:     2 | step [b], 0.1
# expect-err:       |      ^~~
# exit: 1
