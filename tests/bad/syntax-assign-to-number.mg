3 = a
# error: syntax-assign-to-number.mg:1:1: error: cannot assign to '3'
