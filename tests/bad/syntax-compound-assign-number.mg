2 += 1
# error: syntax-compound-assign-number.mg:1:1: error: cannot assign to '2'
