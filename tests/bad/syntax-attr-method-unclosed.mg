x = 1
x.tanh(
# error: syntax-attr-method-unclosed.mg:2:8: error: unexpected end of input, expected an expression or ')'
