a = -8
b = a ** 0.5
# error: domain-pow-half-negative.mg:2:5: error: pow: negative number to a non-integer power: -8 ^ 0.5
