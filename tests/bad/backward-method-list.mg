xs = [Value(1)]
xs._backward()
# error: backward-method-list.mg:2:1: error: unknown function '_backward' (try help functions)
