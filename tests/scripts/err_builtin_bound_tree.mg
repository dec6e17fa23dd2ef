x = len;
tree x

# expect-err: err_builtin_bound_tree.mg:2:6: error: 'len' is a function: call it as len(...)
# expect-err:     2 | tree x
# expect-err:       |      ^
# exit: 1
