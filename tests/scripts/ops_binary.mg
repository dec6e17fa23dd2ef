# Every binary operation: value and local derivatives, worked out by hand.
a = 3; b = 4;
c = a + b; backward c; print c, a.grad, b.grad
# expect: 7 1 1
c = a - b; backward c; print c, a.grad, b.grad
# expect: -1 1 -1
c = a * b; backward c; print c, a.grad, b.grad
# expect: 12 4 3
# d/da a/b = 1/b = 0.25; d/db = -a/b^2 = -3/16
c = a / b; backward c; print c, a.grad, b.grad
# expect: 0.75 0.25 -0.1875
# a^b with a value exponent: d/da = b a^(b-1) = 4*27; d/db = a^b ln 3 = 81*1.0986123
c = a ^ b; backward c; print c, a.grad, b.grad
# expect: 81 108 88.9876
c = pow(a, b); backward c; print c, a.grad, b.grad
# expect: 81 108 88.9876
c = a ** b; backward c; print c, a.grad, b.grad
# expect: 81 108 88.9876
# A constant exponent: d/da a^2 = 2a, and nothing to the 2.
c = a ^ 2; backward c; print c, a.grad
# expect: 9 6
c = a ** 0.5; backward c; print c, a.grad
# expect: 1.73205 0.288675
c = pow(a, 3); backward c; print c, a.grad
# expect: 27 27
c = a ^ -1; backward c; print c, a.grad
# expect: 0.333333 -0.111111
# A constant base with a value exponent: d/db 2^b = 2^b ln 2 = 16*0.693147
c = 2 ^ b; backward c; print c, b.grad
# expect: 16 11.0904
c = a ^ 0; backward c; print c, a.grad
# expect: 1 0
