# Every binary operation: value and local derivatives, worked out by hand.
a = 3; b = 4;
c = a + b; backward c; print c, a.grad, b.grad
c = a - b; backward c; print c, a.grad, b.grad
c = a * b; backward c; print c, a.grad, b.grad
# d/da a/b = 1/b = 0.25; d/db = -a/b^2 = -3/16
c = a / b; backward c; print c, a.grad, b.grad
# a^b with a value exponent: d/da = b a^(b-1) = 4*27; d/db = a^b ln 3 = 81*1.0986123
c = a ^ b; backward c; print c, a.grad, b.grad
c = pow(a, b); backward c; print c, a.grad, b.grad
c = a ** b; backward c; print c, a.grad, b.grad
# A constant exponent: d/da a^2 = 2a, and nothing to the 2.
c = a ^ 2; backward c; print c, a.grad
c = a ** 0.5; backward c; print c, a.grad
c = pow(a, 3); backward c; print c, a.grad
c = a ^ -1; backward c; print c, a.grad
# A constant base with a value exponent: d/db 2^b = 2^b ln 2 = 16*0.693147
c = 2 ^ b; backward c; print c, b.grad
c = a ^ 0; backward c; print c, a.grad

# expect: 7 1 1
# expect: -1 1 -1
# expect: 12 4 3
# expect: 0.75 0.25 -0.1875
# expect: 81 108 88.9875953821169
# expect: 81 108 88.9875953821169
# expect: 81 108 88.9875953821169
# expect: 9 6
# expect: 1.7320508075688772 0.2886751345948129
# expect: 27 27
# expect: 0.3333333333333333 -0.1111111111111111
# expect: 16 11.090354888959125
# expect: 1 0
