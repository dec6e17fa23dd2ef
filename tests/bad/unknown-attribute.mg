x = 1
y = x.foo
# error: unknown-attribute.mg:2:5: error: unknown attribute '.foo': a value has .data, .grad, .label, ._prev and ._op
