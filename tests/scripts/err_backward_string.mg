backward "L"

# expect-err: err_backward_string.mg:1:10: error: expected a value (an expression such as L), found a string
# expect-err:     1 | backward "L"
# expect-err:       |          ^~~
# exit: 1
