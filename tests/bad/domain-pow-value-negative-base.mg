a = -2; b = 0.5
c = pow(a, b)
# error: domain-pow-value-negative-base.mg:2:5: error: pow: negative number to a non-integer power: -2 ^ 0.5
