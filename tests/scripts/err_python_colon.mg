# A colon block needs its indented lines, as in Python.
for i in range(3):
print(i)

# expect-err: err_python_colon.mg:3:1: error: expected an indented block after ':'
# expect-err:     3 | print(i)
# expect-err:       | ^
# exit: 1
