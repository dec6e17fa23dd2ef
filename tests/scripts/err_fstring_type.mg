# f-string misuse: type.
k = 3
print(f"{k:x}")

# expect: k = 3
# expect-err: err_fstring_type.mg:3:10: error: f-string: invalid format specification 'x' (the types are f, e, g, d, % and s)
# expect-err:     3 | print(f"{k:x}")
# expect-err:       |          ^
# exit: 1
