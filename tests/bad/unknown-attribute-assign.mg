x = 1
x.foo = 2
# error: unknown-attribute-assign.mg:2:1: error: unknown attribute '.foo': a value has .data, .grad and .label
