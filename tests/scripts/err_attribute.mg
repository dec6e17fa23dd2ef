a = 2
print a.foo

# expect: a = 2
# expect-err: err_attribute.mg:2:7: error: unknown attribute '.foo': a value has .data, .grad, .label, ._prev and ._op
# expect-err:     2 | print a.foo
# expect-err:       |       ^~~~~
# exit: 1
