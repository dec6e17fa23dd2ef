0^-1
# error: domain-zero-neg-power.mg:1:1: error: pow: zero to a negative power: 0 ^ -1
