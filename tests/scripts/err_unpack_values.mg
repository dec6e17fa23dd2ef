a, b = 1, 2, 3

# expect-err: err_unpack_values.mg:1:8: error: 2 names but 3 values to give them
# expect-err:     1 | a, b = 1, 2, 3
# expect-err:       |        ^~~~~~~
# exit: 1
