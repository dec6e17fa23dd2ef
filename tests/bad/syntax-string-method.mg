"L".backward()
# error: syntax-string-method.mg:1:1: error: expected a value (an expression such as L), found a string
