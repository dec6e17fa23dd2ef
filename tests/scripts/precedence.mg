# Precedence and associativity.
a = 3; b = 2;
print -a^2, (-a)^2, -a**2
print 2^3^2, (2^3)^2, 2**3**2
print a ^ -1, 2 ** -b, a ^ - - 2
print 1 + 2 * 3, (1 + 2) * 3, 8 / 4 / 2, 8 - 4 - 2
print -a * b, - a - b
print 1 < 2, 2 <= 2, 3 > 4, 4 >= 5, 1 == 1, 1 != 1
print 1 and 0, 1 or 0, not 0, not 1 and 0, 0 or not 0
print 1 + 1 < 3 and 2 > 1

# expect: -9 9 -9
# expect: 512 64 512
# expect: 0.3333333333333333 0.25 9
# expect: 7 9 1 2
# expect: -6 -5
# expect: 1 1 0 0 1 0
# expect: 0 1 1 0 1
# expect: 1
