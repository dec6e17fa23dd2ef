(-8)^(1/3)
# error: domain-cube-root-negative.mg:1:1: error: pow: negative number to a non-integer power: -8 ^ 0.333333
