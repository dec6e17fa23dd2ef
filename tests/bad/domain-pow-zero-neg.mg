pow(0, -2)
# error: domain-pow-zero-neg.mg:1:1: error: pow: zero to a negative power: 0 ^ -2
