{
# error: syntax-brace-open.mg:1:1: error: expected an expression, found '{'
