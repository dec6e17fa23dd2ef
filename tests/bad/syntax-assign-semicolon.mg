x = ; 1
# error: syntax-assign-semicolon.mg:1:5: error: expected an expression, found ';'
