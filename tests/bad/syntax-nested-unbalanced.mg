((1)
# error: syntax-nested-unbalanced.mg:1:5: error: unexpected end of input, expected ',' or ')'
