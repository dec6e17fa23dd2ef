# Slices on lists and strings, as Python's (a bound past the end is
# clamped; None or nothing takes the default), and a generator in its own
# brackets as a call's argument.
xs = [0, 1, 2, 3, 4, 5]
s = "micrograd"
print(xs[1:3], xs[:2], xs[4:], xs[::-1], xs[::2], xs[-2:], xs[:-2], xs[5:1:-2], xs[10:], xs[-10:2], xs[:], xs[1:1])
print(s[1:], s[::-1], s[:5], s[-4:], s[2:8:3])
print(xs[None:2], f"{s[1:3]}")
print(sum((x * x for x in xs)), sum((x for x in xs if x > 1), 10))
w = [Value(0.5), Value(-1.0)]; b = Value(0.1); x = [2.0, 3.0];
act = sum((wi*xi for wi, xi in zip(w, x)), b)

# expect: xs = [0, 1, 2, 3, 4, 5]
# expect: s = "micrograd"
# expect: [1, 2] [0, 1] [4, 5] [5, 4, 3, 2, 1, 0] [0, 2, 4] [4, 5] [0, 1, 2, 3] [5, 3] [] [0, 1] [0, 1, 2, 3, 4, 5] []
# expect: icrograd dargorcim micro grad cg
# expect: [0, 1] ic
# expect: 55 24
# expect: act = -1.9
