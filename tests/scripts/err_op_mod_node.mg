# Misuse: mod_node.
a = Value(2.0)
print(a % 2)

# expect: a = 2
# expect-err: err_op_mod_node.mg:3:7: error: '%' takes numbers, not a value (no gradient flows through it: use x.data)
# expect-err:     3 | print(a % 2)
# expect-err:       |       ^~~~~
# exit: 1
