# f-string misuse: brace.
print(f"a } b")

# expect-err: err_fstring_brace.mg:2:11: error: single '}' in an f-string: write '}}' for a brace
# expect-err:     2 | print(f"a } b")
# expect-err:       |           ^
# exit: 1
