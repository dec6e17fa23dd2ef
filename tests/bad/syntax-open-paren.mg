(1 + 2
# error: syntax-open-paren.mg:1:7: error: unexpected end of input, expected ',' or ')'
