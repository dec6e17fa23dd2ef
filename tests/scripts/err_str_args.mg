# str takes one value.
print(str(1, 2))

# expect-err: err_str_args.mg:2:7: error: str takes 1 argument, not 2
# expect-err:     2 | print(str(1, 2))
# expect-err:       |       ^~~~~~~~~
# exit: 1
