1 +
2 *
) (
# error: syntax-several-errors.mg:1:4: error: unexpected end of line, expected an expression
