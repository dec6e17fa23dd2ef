a = 0; k = -1
c = a ^ k
# error: domain-zero-pow-var.mg:2:5: error: pow: zero to a negative power: 0 ^ -1
