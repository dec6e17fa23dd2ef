# Python's built-in functions over lists, on numbers and on nodes.
xs = [3, 1, 2];
for i, x in enumerate(xs):
  print(i, x)
print(enumerate(["a", "b"], 1), enumerate([], start=5))
print(reversed(xs), xs)
print(sorted(xs), sorted(xs, reverse=True), xs)
print(sorted(["pear", "apple", "fig"]), sorted([[2, 1], [1, 5], [1, 2]]))
print(sorted(["bb", "a", "ccc"], key=len))
print(list(), list(xs), list("ab"), list(set([2, 1])))
print(min(xs), max(xs), min(4, 2, 8), max(4, 2, 8), min([1, -3], key=abs))
print(max("b", "abc"), min(set([5, 4])))
print(abs(-2.5), round(2.5), round(3.5), round(-0.5), round(1.25, 1))
print(round(1234.5678, 2), round(1234.5678, -2), round(0.1 + 0.2, 10))
print(int(2.9), int(-2.9), int("7"), float(3), float(" 2.5 "), float("-inf"))
print(any([0, 0]), any([0, 3]), all([1, 2]), all([1, 0]), any([]), all([]))
print(map(lambda v: v * 10, xs), map(lambda a, b: a + b, [1, 2, 3], [10, 20]))
print(filter(lambda v: v > 1, xs), filter(None, [0, 1, "", "a"]))
def square(v) = v * v
print(map(square, xs), map(abs, [-1, 2]), map(str, [1, 2]))
# nodes: ordered by their data, the node itself is given
a = Value(1.0, label="a")
b = Value(-3.0, label="b")
c = Value(2.0, label="c")
params = [a, b, c];
print(max(params) is c, min(params) is b)
L = a*b + c;
backward L
print(sorted(params, key=lambda p: p.grad))
print([p.label for p in sorted(params, key=lambda p: p.grad, reverse=True)])
print(sorted(params), any(params), all([a, b]))
print(abs(b), round(c), int(b), float(a))
big = max(params, key=lambda p: abs(p.data))
print(big.label)
print(sum(map(lambda p: p * 2, params)))
print(list(range(3)), [i * x for i, x in enumerate([5, 6])])
print(sum(set([1, 2])), sum(set([a, b]), 10).data)

# expect: 0 3
# expect: 1 1
# expect: 2 2
# expect: [[1, "a"], [2, "b"]] []
# expect: [2, 1, 3] [3, 1, 2]
# expect: [1, 2, 3] [3, 2, 1] [3, 1, 2]
# expect: ["apple", "fig", "pear"] [[1, 2], [1, 5], [2, 1]]
# expect: ["a", "bb", "ccc"]
# expect: [] [3, 1, 2] ["a", "b"] [2, 1]
# expect: 1 3 2 8 1
# expect: b 4
# expect: 2.5 2 4 0 1.2
# expect: 1234.57 1200 0.3
# expect: 2 -2 7 3 2.5 -inf
# expect: 0 1 1 0 0 1
# expect: [30, 10, 20] [11, 22]
# expect: [3, 2] [1, "a"]
# expect: [9, 1, 4] [1, 2] ["1", "2"]
# expect: a = 1
# expect: b = -3
# expect: c = 2
# expect: 1 1
# expect: dL/da = -3
# expect: dL/db = 1
# expect: dL/dc = 1
# expect: [1, -3, 2]
# expect: ["b", "c", "a"]
# expect: [-3, 1, 2] 1 1
# expect: 3 2 -3 1
# expect: big = -3  (grad 1)
# expect: b
# expect: 0
# expect: [0, 1, 2] [0, 6]
# expect: 3 8
