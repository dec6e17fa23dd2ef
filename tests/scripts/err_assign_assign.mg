a = = 2

# expect-err: err_assign_assign.mg:1:5: error: expected an expression, found '='
# expect-err:     1 | a = = 2
# expect-err:       |     ^
# exit: 1
