load "syntax-open-paren.mg"
# error: syntax-open-paren.mg:1:7: error: unexpected end of input, expected ',' or ')'
