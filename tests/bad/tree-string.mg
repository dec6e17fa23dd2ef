tree "x"
# error: tree-string.mg:1:6: error: expected a value (an expression such as L), found a string
