# A list or a string times a whole number repeats it, as in Python: the
# items are shared, not copied; zero or fewer times gives an empty one.
xs = [0] * 4
ys = 3 * [1, "a"]
print("-" * 12)
print(len([] * 5), len([1, 2] * 0), len([1, 2] * -3), "ab" * 0 == "")
grid = [[0]] * 2;
grid[0].append(1)
print(grid)
w = Value(2.0); ws = [w] * 3;
ws[2].data = 5;
print(w.data, 2 * "ab", True * [7])

# expect: xs = [0, 0, 0, 0]
# expect: ys = [1, "a", 1, "a", 1, "a"]
# expect: ------------
# expect: 0 0 0 1
# expect: [[0, 1], [0, 1]]
# expect: 5 abab [7]
