# f-string misuse: newline.
print(f"{3
})

# expect-err: err_fstring_newline.mg:2:11: error: unterminated f-string: the line ends inside {}
# expect-err:     2 | print(f"{3
# expect-err:       |           ^
# exit: 1
