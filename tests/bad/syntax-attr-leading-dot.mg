.data
# error: syntax-attr-leading-dot.mg:1:1: error: expected an expression, found '.'
