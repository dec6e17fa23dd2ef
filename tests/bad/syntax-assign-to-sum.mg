a = 1; b = 2
a + b = 3
# error: syntax-assign-to-sum.mg:2:1: error: cannot assign to 'a + b'
