y = 2 * 1e309
# error: number-huge-in-expression.mg:1:9: error: number too large: 1e309
