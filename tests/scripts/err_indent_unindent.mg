# Indentation: unindent.
if 1:
        x = 1
    y = 2

# expect-err: err_indent_unindent.mg:4:1: error: unindent does not match any outer indentation level
# expect-err:     4 |     y = 2
# expect-err:       | ^~~~
# exit: 1
