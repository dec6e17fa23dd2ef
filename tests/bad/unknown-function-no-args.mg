foo()
# error: unknown-function-no-args.mg:1:1: error: unknown function 'foo' (try help functions)
