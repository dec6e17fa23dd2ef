# mgrad's own generator: the same seed gives the same numbers everywhere.
seed 1
a = rand();
b = uniform(-1, 1);
c = randn();
seed 1
rand() == a.data
uniform(-1, 1) == b.data
randn() == c.data
r = [rand() for k in range(1000)];
sum([1 for v in r if v >= 0 and v < 1])

# expect: 1
# expect: 1
# expect: 1
# expect: 1000
