x = 1
x.foo()
# error: unknown-method.mg:2:1: error: unknown function 'foo' (try help functions)
