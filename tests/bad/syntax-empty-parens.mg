()
# error: syntax-empty-parens.mg:1:2: error: expected an expression, found ')'
