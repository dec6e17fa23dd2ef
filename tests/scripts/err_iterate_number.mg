for x in 5 { print(x) }

# expect-err: err_iterate_number.mg:1:10: error: cannot loop over a number (a list or a set is needed: range(n) makes one)
# expect-err:     1 | for x in 5 { print(x) }
# expect-err:       |          ^
# exit: 1
