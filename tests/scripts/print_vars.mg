# print joins values and strings with single spaces; vars lists bindings.
vars
print
print "a string with \"quotes\", a \\ and a\ttab"
print "two\nlines"
p = 1.5; q = -2
print p, "and", q, p*q
backward p*q
vars

# expect: (no variables)
# expect:
# expect: a string with "quotes", a \ and a	tab
# expect: two
# expect: lines
# expect: q = -2
# expect: 1.5 and -2 -3
# expect: d(p*q)/dp = -2
# expect: d(p*q)/dq = 1.5
# expect: p = 1.5  (grad -2)
# expect: q = -2  (grad 1.5)
