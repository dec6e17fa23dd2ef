# Indentation: tabs.
if 1:
	x = 1
        y = 2

# expect-err: err_indent_tabs.mg:4:1: error: inconsistent use of tabs and spaces in indentation
# expect-err:     4 |         y = 2
# expect-err:       | ^~~~~~~~
# exit: 1
