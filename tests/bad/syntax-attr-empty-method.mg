x = 1
x.()
# error: syntax-attr-empty-method.mg:2:3: error: expected a name, found '('
