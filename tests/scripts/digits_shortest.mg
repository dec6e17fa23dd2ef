# set digits 17 prints the shortest text that reads back as the same double
# (Python's repr), in %g's layout: whole numbers below 1e17 without an
# exponent, others with one; a number that needs 17 digits keeps them all.
set digits 17
print 0.1, 0.3, 0.1 + 0.2, 2/3, -0.1, 123.456
print 100000, 1e16, 2^56, -2^56, 9007199254740993, 1e15 + 0.3
print 1e17, 1.5e17, 123456789012345678, 1/3*1e20
print 0.0001, 0.00001, 5e-324, 1.7976931348623157e308
a = 0.1; b = 0.2; c = a + b
backward c
set digits 16
print 0.1, 0.1 + 0.2

# expect: 0.1 0.3 0.30000000000000004 0.6666666666666666 -0.1 123.456
# expect: 100000 1e+16 7.205759403792794e+16 -7.205759403792794e+16 9007199254740992 1000000000000000.2
# expect: 1e+17 1.5e+17 1.2345678901234568e+17 3.333333333333333e+19
# expect: 0.0001 1e-05 5e-324 1.7976931348623157e+308
# expect: c = 0.30000000000000004
# expect: dc/da = 1
# expect: dc/db = 1
# expect: 0.1 0.3
