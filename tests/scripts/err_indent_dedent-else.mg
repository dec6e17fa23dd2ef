# Indentation: dedent-else.
if 1:
    x = 1
  else:
    x = 2

# expect-err: err_indent_dedent-else.mg:4:1: error: unindent does not match any outer indentation level
# expect-err:     4 |   else:
# expect-err:       | ^~
# expect-err: err_indent_dedent-else.mg:5:1: error: expected an expression, found an indented line
# expect-err:     5 |     x = 2
# expect-err:       | ^~~~
# expect-err: err_indent_dedent-else.mg:6:1: error: expected an expression, found the end of the indented block
# expect-err:     6 | 
# expect-err:       | ^
# exit: 1
