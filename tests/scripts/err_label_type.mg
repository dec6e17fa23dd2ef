a = Value(1.0)
a.label = 3

# expect: a = 1
# expect-err: err_label_type.mg:2:1: error: a label is set to a string, as in x.label = "x"
# expect-err:     2 | a.label = 3
# expect-err:       | ^~~~~~~~~~~
# exit: 1
