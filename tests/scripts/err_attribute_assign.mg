a = 2
a.foo = 3

# expect: a = 2
# expect-err: err_attribute_assign.mg:2:1: error: unknown attribute '.foo': a value has .data, .grad and .label
# expect-err:     2 | a.foo = 3
# expect-err:       | ^~~~~~~~~
# exit: 1
