# A string is a value (for print, labels and file names), but not a number.
a = "text"
print 'single quotes too'
b = a - 2

# expect: a = "text"
# expect: single quotes too
# expect-err: err_string_value.mg:4:5: error: cannot subtract a string and a number
# expect-err:     4 | b = a - 2
# expect-err:       |     ^~~~~
# exit: 1
