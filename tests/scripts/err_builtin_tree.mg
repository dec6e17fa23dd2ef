tree len

# expect-err: err_builtin_tree.mg:1:6: error: 'len' is a function: call it as len(...)
# expect-err:     1 | tree len
# expect-err:       |      ^~~
# exit: 1
