# zero L clears L's graph; zero alone clears every gradient.
a = 2; b = 3; c = a*b; d = a + 1;
backward c;
backward d;
vars
zero c
vars
backward c;
zero
vars

# expect: a = 2  (grad 1)
# expect: b = 3  (grad 2)
# expect: c = 6  (grad 1)
# expect: d = 3  (grad 1)
# expect: a = 2
# expect: b = 3
# expect: c = 6
# expect: d = 3  (grad 1)
# expect: a = 2
# expect: b = 3
# expect: c = 6
# expect: d = 3
