print("a" < 2)

# expect-err: err_type_compare.mg:1:7: error: cannot compare a string and a number
# expect-err:     1 | print("a" < 2)
# expect-err:       |       ^~~~~~~
# exit: 1
