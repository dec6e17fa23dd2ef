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
[[i, j] for i in range(2)]
print([1, "two", [3]])
e = []
len(e)
