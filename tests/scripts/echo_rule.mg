# A statement shows its result unless a ; follows it (the Octave rule).
a = 2
b = 3;
a; b
a*b
a*b;
c = a*b; c
print "print always prints";

# expect: a = 2
# expect: b = 3
# expect: 6
# expect: c = 6
# expect: print always prints
