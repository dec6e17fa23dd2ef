x = 1e
# error: number-exponent-missing.mg:1:5: error: invalid number: 1e
