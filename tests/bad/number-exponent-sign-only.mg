x = 1e+
# error: number-exponent-sign-only.mg:1:5: error: invalid number: 1e
