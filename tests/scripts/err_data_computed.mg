a = 2; b = a * 3;
b.data = 1

# expect-err: err_data_computed.mg:2:1: error: cannot set .data of 'b': it is computed by mul; only a leaf's data can be set
# expect-err:     2 | b.data = 1
# expect-err:       | ^~~~~~~~~~
# exit: 1
