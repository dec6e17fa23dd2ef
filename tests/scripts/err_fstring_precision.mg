# f-string misuse: precision.
print(f"{3:.f}")

# expect-err: err_fstring_precision.mg:2:10: error: f-string: '.' must be followed by the precision
# expect-err:     2 | print(f"{3:.f}")
# expect-err:       |          ^
# exit: 1
