# f-string misuse: list_spec.
print(f"{[1]:.2f}")

# expect-err: err_fstring_list_spec.mg:2:10: error: f-string: a format specification needs a number or a string, not a list
# expect-err:     2 | print(f"{[1]:.2f}")
# expect-err:       |          ^~~
# exit: 1
