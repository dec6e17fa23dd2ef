# f-string misuse: unterminated.
print(f"{3:.2f")

# expect-err: err_fstring_unterminated.mg:2:15: error: unterminated f-string
# expect-err:     2 | print(f"{3:.2f")
# expect-err:       |               ^
# exit: 1
