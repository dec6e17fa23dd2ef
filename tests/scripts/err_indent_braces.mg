# Indentation: braces.
for i in range(2) {
  if i:
    print(i)
}

# expect-err: err_indent_braces.mg:3:7: error: a block after ':' cannot be inside { }: write the inner block in braces too
# expect-err:     3 |   if i:
# expect-err:       |       ^
# exit: 1
