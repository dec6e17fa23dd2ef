1 + not 0
# error: syntax-not-inside-arith.mg:1:5: error: expected an expression, found 'not'
