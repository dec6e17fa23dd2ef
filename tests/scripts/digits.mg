# set digits N: significant digits of printed numbers, as %g.
x = 2/3
set digits 3
x
set digits 17
x
set digits
set digits 1
x
print 123456, 0.000012345
set digits 6
print 1e-7, 1e21, 100000, 1000000, -0.0

# expect: x = 0.6666666666666666
# expect: x = 0.667
# expect: x = 0.6666666666666666
# expect: digits 17
# expect: x = 0.7
# expect: 1e+05 1e-05
# expect: 1e-07 1e+21 100000 1e+06 0
