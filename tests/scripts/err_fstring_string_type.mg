# f-string misuse: string_type.
print(f"{'a':f}")

# expect-err: err_fstring_string_type.mg:2:10: error: f-string: format type 'f' needs a number, not a string
# expect-err:     2 | print(f"{'a':f}")
# expect-err:       |          ^~~
# exit: 1
