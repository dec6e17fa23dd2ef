x = 2
y = frobnicate(x)

# expect: x = 2
# expect-err: err_unknown_function.mg:2:5: error: unknown function 'frobnicate' (try help functions)
# expect-err:     2 | y = frobnicate(x)
# expect-err:       |     ^~~~~~~~~~~~~
# exit: 1
