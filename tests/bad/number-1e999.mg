x = 1e999
# error: number-1e999.mg:1:5: error: number too large: 1e999
