# f-string misuse: d_fraction.
print(f"{2.5:d}")

# expect-err: err_fstring_d_fraction.mg:2:10: error: f-string: format type 'd' needs a whole number
# expect-err:     2 | print(f"{2.5:d}")
# expect-err:       |          ^~~
# exit: 1
