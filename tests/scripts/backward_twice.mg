# backward clears the graph's gradients first, so running it again gives the
# same numbers, not double.
a = 2; b = a*a;
backward b
backward b
b.backward()
(b*2).backward()
backward a

# expect: db/da = 4
# expect: db/da = 4
# expect: db/da = 4
# expect: d(b*2)/da = 8
# expect: d(b*2)/db = 2
