# Lists are shared by reference, as in Python; + and slices make new ones.
xs = [1, 2];
ys = xs;
ys.append(3)
print(xs, xs is ys)
ys[0] = 10
print(xs)
zs = xs + [4];
zs.append(5)
print(xs, zs)
s = xs[:];
s.append(6)
print(xs, s)
c = [x for x in xs];
c.append(7)
print(xs, c)
# a function changes a global list through a method without `global`
seen = [];
def note(x):
  seen.append(x)
note(1)
note(2)
print(seen)
# and a list passed to it
def grow(ws, x) {
    ws.append(x)
}
grow(seen, 3)
print(seen)
# a list inside a list is the same list
inner = [1];
outer = [inner, inner];
inner.append(2)
print(outer)
outer[0].append(3)
print(inner, outer[1])
# for over a list that grows sees the new items, as Python's
grows = [1, 2];
for x in grows {
    if x < 4 { grows.append(x + 2) }
}
print(grows)

# xs += ys extends the list in place, as Python's; xs = xs + ys does not
a = [1];
b = a;
a += [2]
a += set([3])
print(b, a is b)
a = a + [4]
print(b, a is b)

# expect: [1, 2, 3] 1
# expect: ys[0] = 10
# expect: [10, 2, 3]
# expect: [10, 2, 3] [10, 2, 3, 4, 5]
# expect: [10, 2, 3] [10, 2, 3, 6]
# expect: [10, 2, 3] [10, 2, 3, 7]
# expect: [1, 2]
# expect: [1, 2, 3]
# expect: [[1, 2], [1, 2]]
# expect: [1, 2, 3] [1, 2, 3]
# expect: [1, 2, 3, 4, 5]
# expect: a = [1, 2]
# expect: a = [1, 2, 3]
# expect: [1, 2, 3] 1
# expect: a = [1, 2, 3, 4]
# expect: [1, 2, 3] 0
