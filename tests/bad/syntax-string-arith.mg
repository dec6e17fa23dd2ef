x = "a" + 1
# error: syntax-string-arith.mg:1:5: error: cannot add a string and a number
