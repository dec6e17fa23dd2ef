a = 1; b = a + 1;
tree b 1.5

# expect-err: err_tree_depth.mg:2:8: error: tree depth must be a whole number from 0 to 1000000000
# expect-err:     2 | tree b 1.5
# expect-err:       |        ^~~
# exit: 1
