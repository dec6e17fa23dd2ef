2 ** ** 3
# error: syntax-pow-double.mg:1:6: error: expected an expression, found '**'
