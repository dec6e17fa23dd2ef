x = (1 +
2 +
# error: syntax-unclosed-paren-multiline.mg:2:4: error: unexpected end of input, expected an expression
