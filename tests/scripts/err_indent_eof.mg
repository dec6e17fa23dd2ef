# Indentation: eof.
for i in range(3):

# expect-err: err_indent_eof.mg:2:18: error: expected an indented block after ':'
# expect-err:     2 | for i in range(3):
# expect-err:       |                  ^
# exit: 1
