a = 1; b = 2
c = a + b
c.data = 5
# error: data-assign-computed.mg:3:1: error: cannot set .data of 'c': it is computed by add; only a leaf's data can be set
