)
# error: syntax-lone-close-paren.mg:1:1: error: expected an expression, found ')'
