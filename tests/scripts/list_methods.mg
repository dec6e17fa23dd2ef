# Every method of a list, as Python's.
xs = [3, 1, 2];
xs.append(4)
print(xs)
xs.extend([5, 6])
xs.extend(set([7]))
print(xs)
print(xs.pop())
print(xs.pop(0), xs.pop(-1))
print(xs)
xs.insert(0, 9)
xs.insert(-1, 8)
xs.insert(100, 7)
xs.insert(-100, 0)
print(xs)
print(xs.index(9), xs.count(2), xs.count(42))
xs.remove(8)
print(xs)
xs.reverse()
print(xs)
ys = xs.copy()
ys.append(100)
print(len(xs), len(ys))
xs.sort()
print(xs)
xs.sort(reverse=True)
print(xs)
xs.sort(key=lambda v: (v - 4)**2)
print(xs)
xs.clear()
print(xs, len(xs))
# a method that changes the list gives None, which shows nothing
zs = [1]
zs.append(2)
zs.append(2) is None
# the list may be extended by itself
zs.extend(zs)
print(zs)
# strings and lists are found by ==, nodes only as themselves
a = Value(2.0)
b = Value(2.0)
ws = ["a", [1, 2], a]
print(ws.index("a"), ws.index([1, 2]), ws.index(a), ws.count(b), b in ws)

# expect: [3, 1, 2, 4]
# expect: [3, 1, 2, 4, 5, 6, 7]
# expect: 7
# expect: 3 6
# expect: [1, 2, 4, 5]
# expect: [0, 9, 1, 2, 4, 8, 5, 7]
# expect: 1 1 0
# expect: [0, 9, 1, 2, 4, 5, 7]
# expect: [7, 5, 4, 2, 1, 9, 0]
# expect: ys = [7, 5, 4, 2, 1, 9, 0]
# expect: 7 8
# expect: [0, 1, 2, 4, 5, 7, 9]
# expect: [9, 7, 5, 4, 2, 1, 0]
# expect: [4, 5, 2, 7, 1, 0, 9]
# expect: [] 0
# expect: zs = [1]
# expect: 1
# expect: [1, 2, 2, 1, 2, 2]
# expect: a = 2
# expect: b = 2
# expect: ws = ["a", [1, 2], 2]
# expect: 0 1 2 0 0
