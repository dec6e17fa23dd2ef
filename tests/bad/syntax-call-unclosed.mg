tanh(1
# error: syntax-call-unclosed.mg:1:7: error: unexpected end of input, expected ',' or ')'
