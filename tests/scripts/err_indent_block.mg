# Indentation: block.
def f(x):
return x

# expect-err: err_indent_block.mg:3:1: error: expected an indented block after ':'
# expect-err:     3 | return x
# expect-err:       | ^
# exit: 1
