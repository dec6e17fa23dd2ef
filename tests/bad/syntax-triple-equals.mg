1 === 1
# error: syntax-triple-equals.mg:1:5: error: expected an expression, found '='
