# A list may hold itself, as in Python: it prints as [...] where it
# comes again, == ends, and the cycle is freed when nothing else holds it.
xs = [1, 2]
xs[0] = xs
print(xs)
ys = [1]
ys.append(ys)
print(ys)
print(ys == ys, ys == [1, ys])
zs = [1]
zs.append(zs)
print(ys == zs, ys != zs)
# two lists that hold each other
a = [1]
b = [a]
a.append(b)
print(a, b)
print(len(a), a[1][0] is a)
# a set inside a list inside the set's list
s = set()
w = [s]
s.add(len(w))
print(w)
# dropped cycles are collected
for k in range(5000) {
    c = [k]
    c.append(c)
}
print(c[1][1][1][0])
# a set that holds itself, and lists that hold each other in a sort
t = set()
t.add(t)
print(t, t in t, t == t)
p = [1]
q = [2]
p.append(q)
q.append(p)
print(sorted([q, p]) == [p, q])

# expect: xs = [1, 2]
# expect: xs[0] = [[...], 2]
# expect: [[...], 2]
# expect: ys = [1]
# expect: [1, [...]]
# expect: 1 1
# expect: zs = [1]
# expect: 1 0
# expect: a = [1]
# expect: b = [[1]]
# expect: [1, [[...]]] [[1, [...]]]
# expect: 2 1
# expect: s = set()
# expect: w = [set()]
# expect: [{1}]
# expect: 4999
# expect: t = set()
# expect: {{...}} 1 1
# expect: p = [1]
# expect: q = [2]
# expect: 1
