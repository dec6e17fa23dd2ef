# Python's colon blocks get an error that shows mgrad's braces.
for i in range(3): print(i)
# expect-err: err_python_colon.mg:2:18: error: unexpected character ':'; a block is written in braces, as in for x in xs { ... }, and lists have no slices
# expect-err:     2 | for i in range(3): print(i)
# expect-err:       |                  ^
# exit: 1
