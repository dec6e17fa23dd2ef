# Indentation: unexpected.
x = 1
    y = 2
print(x)

# expect-err: err_indent_unexpected.mg:3:1: error: unexpected indent (only the lines of a block after ':' are indented)
# expect-err:     3 |     y = 2
# expect-err:       | ^~~~
# exit: 1
