foo(1)
# error: unknown-function.mg:1:1: error: unknown function 'foo' (try help functions)
