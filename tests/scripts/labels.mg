# Unnamed inner nodes carry their source text in reports.
a = 2; b = 3;
backward a*b + 1
backward (a   +   b) * (a - b)
backward a * b * a * b * a * b * a * b * a * b * a * b * a * b + 1
c = a*b
backward c

# expect: d(a*b + 1)/da = 3
# expect: d(a*b + 1)/db = 2
# expect: d((a + b) * (a - b))/da = 4
# expect: d((a + b) * (a - b))/db = -6
# expect: d(a * b * a * b * a * b * a * b * a * b * ...)/da = 979776
# expect: d(a * b * a * b * a * b * a * b * a * b * ...)/db = 653184
# expect: c = 6
# expect: dc/da = 3
# expect: dc/db = 2
