# Tuples, written as Python writes them, are lists: (a, b), (a,), (),
# return a, b, and for (x, y) in ... with a trailing comma where Python
# allows one.
def min2(xs) = xs[0] if xs[0] < xs[1] else xs[1]
def minmax(xs):
    return min2(xs), xs[0]
lo, first = minmax([3, 1])
print(lo, first)
pairs = [(1, 2), (3, 4),]
for (a, b) in pairs:
    print(a + b)
for (a, b,) in pairs: print(a * b)
print((5,), (), (1, 2, 3,))

# expect: lo = 1
# expect: first = 3
# expect: 1 3
# expect: pairs = [[1, 2], [3, 4]]
# expect: 3
# expect: 7
# expect: 2
# expect: 12
# expect: [5] [] [1, 2, 3]
