# Lists: literals, nesting, indexing from either end, setting an item, len,
# sum (with a start), range, zip, + and comprehensions.
xs = [2, 3, -1]
xs[0]
xs[-1]
xs[1] = 10
xs[1] += 1
len(xs)
sum(xs)
sum(xs, 100)
m = [[1, 2], [3, [4, 5]]]
m[1][1][0]
range(4)
range(2, 5)
range(10, 0, -3)
zip([1, 2, 3], [4, 5])
[1] + [2, 3]
[x * x for x in xs]
[x for x in range(10) if x > 6]
[a * b for a, b in zip([1, 2], [3, 4])]
sum(x * x for x in [1, 2, 3])
sum((p - y)**2 for p, y in zip([1, 2], [1, 4]))
[[i * 10 + j for j in range(3)] for i in range(2)]
print([1, "two", [3]])
e = []
len(e)

# expect: xs = [2, 3, -1]
# expect: 2
# expect: -1
# expect: xs[1] = 10
# expect: xs[1] = 11
# expect: 3
# expect: 12
# expect: 112
# expect: m = [[1, 2], [3, [4, 5]]]
# expect: 4
# expect: [0, 1, 2, 3]
# expect: [2, 3, 4]
# expect: [10, 7, 4, 1]
# expect: [[1, 4], [2, 5]]
# expect: [1, 2, 3]
# expect: [4, 121, 1]
# expect: [7, 8, 9]
# expect: [3, 8]
# expect: 14
# expect: 4
# expect: [[0, 1, 2], [10, 11, 12]]
# expect: [1, "two", [3]]
# expect: e = []
# expect: 0
