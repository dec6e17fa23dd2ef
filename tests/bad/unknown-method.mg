x = 1
x.foo()
# error: unknown-method.mg:2:1: error: a value has no method 'foo' (help functions lists the methods)
