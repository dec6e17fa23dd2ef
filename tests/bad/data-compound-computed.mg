a = 1
c = a * 2
c.data += 1
# error: data-compound-computed.mg:3:1: error: cannot set .data of 'c': it is computed by mul; only a leaf's data can be set
