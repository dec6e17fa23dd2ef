# The design card's example: only backward L reports.
a=2; b=-3; c=10; L=a*b+c; backward L

# expect: dL/da = -3
# expect: dL/db = 2
# expect: dL/dc = 1
