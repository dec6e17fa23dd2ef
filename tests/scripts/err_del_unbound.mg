del ghost

# expect-err: err_del_unbound.mg:1:5: error: del: 'ghost' is not bound
# expect-err:     1 | del ghost
# expect-err:       |     ^~~~~
# exit: 1
