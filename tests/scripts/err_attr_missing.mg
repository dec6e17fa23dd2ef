a = 2
b = a.

# expect-err: err_attr_missing.mg:2:7: error: unexpected end of line, expected a name
# expect-err:     2 | b = a.
# expect-err:       |       ^
# exit: 1
