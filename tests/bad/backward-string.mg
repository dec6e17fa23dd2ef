backward "L"
# error: backward-string.mg:1:10: error: expected a value (an expression such as L), found a string
