a = "text"

# expect-err: err_string_value.mg:1:5: error: expected an expression, found string "text"
# expect-err:     1 | a = "text"
# expect-err:       |     ^~~~~~
# exit: 1
