# Unnamed inner nodes carry their source text in reports. Text longer than
# 40 characters is cut at its end, or in the middle when another node of
# the graph would be cut alike (a*b*...*b inside a*b*...*b + 1).
a = 2; b = 3;
backward a*b + 1
backward (a   +   b) * (a - b)
backward a * b * a * b * a * b * a * b * a * b * a * b * a * b + 1
backward 0 + a * b * a * b * a * b * a * b * a * b * a
c = a*b
backward c

# expect: d(a*b + 1)/da = 3
# expect: d(a*b + 1)/db = 2
# expect: d((a + b) * (a - b))/da = 4
# expect: d((a + b) * (a - b))/db = -6
# expect: d(a * b * a * b * a * ... * a * b * a * b + 1)/da = 979776
# expect: d(a * b * a * b * a * ... * a * b * a * b + 1)/db = 653184
# expect: d(0 + a * b * a * b * a * b * a * b * a * ...)/da = 46656
# expect: d(0 + a * b * a * b * a * b * a * b * a * ...)/db = 25920
# expect: c = 6
# expect: dc/da = 3
# expect: dc/db = 2
