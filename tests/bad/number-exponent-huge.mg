x = 1e99999999999999999999
# error: number-exponent-huge.mg:1:5: error: number too large: 1e99999999999999999999
