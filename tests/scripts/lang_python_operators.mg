# Python's literals and operators: True, False, None; % and // with
# Python's signs; in, not in (a node is found only as itself); is, is not.
print(True, False, None, True + True, not False)
print(7 % 3, -7 % 3, 7 % -3, 7.5 % 2, -0.5 % 1, 1 % 0.3)
print(7 // 2, -7 // 2, 7 // -2, -7.5 // 2, 2 ** 3 // 3, 10 - 7 % 4 * 2)
xs = [1, 2, "a"]
print(2 in xs, 5 in xs, 5 not in xs, "a" in xs, "ab" in "cabd", "x" not in "abc", "" in "")
a = Value(2.0); b = Value(2.0); seen = [a]
print(a in seen, b in seen, b not in seen)
print(a is a, a is b, a is not b, None is None, xs is not None, 1 is 1)
x = None
if x is None:
    print("x is None")
k = 0
for i in range(10):
    if i % 3 == 0 and i // 3 != 1:
        k += i
k

# expect: 1 0 None 2 1
# expect: 1 2 -2 1.5 0.5 0.10000000000000003
# expect: 3 -4 -4 -4 2 4
# expect: xs = [1, 2, "a"]
# expect: 1 0 1 1 1 1 1
# expect: seen = [2]
# expect: 1 0 1
# expect: 1 0 1 1 1 1
# expect: x = None
# expect: x is None
# expect: k = 0
# expect: k = 15
