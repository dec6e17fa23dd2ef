# x if c else y (only the branch chosen runs; it nests to the right, and a
# comprehension's condition is not one), and str().
x = 3
y = 1 if x > 2 else 0
z = "big" if x > 5 else "mid" if x > 2 else "small"
print(y, z, [i if i % 2 else -i for i in range(5) if i > 0])
outs = [7]
outs[0] if len(outs) == 1 else outs
def f(a) = a * 2 if a > 0 else 1 / a
print(f(3), f(-1))
print(1 if True else 1 / 0)
print(str(0.1 + 0.2) + "!", str(3.0), str([1, "a"]), len(str(3628800)))

# expect: x = 3
# expect: y = 1
# expect: z = "mid"
# expect: 1 mid [1, -2, 3, -4]
# expect: outs = [7]
# expect: 7
# expect: 6 -1
# expect: 1
# expect: 0.30000000000000004! 3 [1, "a"] 7
