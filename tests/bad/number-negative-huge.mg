x = -1e400
# error: number-negative-huge.mg:1:6: error: number too large: 1e400
