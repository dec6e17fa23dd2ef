# Sets: made by set() and set(xs), members in the order they came.
s = set()
print(s, len(s), 1 in s)
s.add(3)
s.add(1)
s.add(3)
s.add("a")
print(s, len(s))
print(3 in s, 2 in s, 2 not in s, "a" in s, "b" not in s)
s.discard(3)
s.discard(42)
print(s)
s.remove(1)
print(s, len(s))
t = set([1, 2, 2, 3, 1])
print(t)
for x in t:
  print(x)
print(set("abca"), set(set([5])))
# numbers by value, nodes, lists and models as themselves
a = Value(2.0)
b = Value(2.0)
nodes = set([a, a, b])
print(len(nodes), a in nodes, 2 in nodes, Value(2.0) in nodes)
l1 = [1]
l2 = [1]
ls = set([l1, l1, l2])
print(len(ls), l1 in ls, [1] in ls)
m = mlp(2, [1])
print(len(set([m, m])))
# truth, ==, copy and clear
print(not set(), not set([0]))
print(set([1, 2]) == set([2, 1]), set([1]) == set([2]), set() == [])
u = t.copy()
u.add(9)
print(t, u)
u.clear()
print(u)
# many members, removed and added again
big = set(range(1000));
for k in range(0, 1000, 2) { big.remove(k) }
print(len(big), 2 in big, 3 in big)
for k in range(0, 1000, 2) { big.add(k) }
print(len(big), sorted(big)[:5], list(big)[:3])
# a set in a list, and a list in a set
w = [set([1]), set()]
print(w, set([w[0] is w[0]]))
# a loop that removes each member it meets meets them all
r = set(range(100));
for x in r:
  r.remove(x)
print(len(r), r)
# adding and removing many times keeps the set small and right
q = set()
for k in range(10000) {
    q.add(k)
    q.remove(k)
    q.add(-1)
}
print(q)

# expect: s = set()
# expect: set() 0 0
# expect: {3, 1, "a"} 3
# expect: 1 0 1 1 1
# expect: {1, "a"}
# expect: {"a"} 1
# expect: t = {1, 2, 3}
# expect: {1, 2, 3}
# expect: 1
# expect: 2
# expect: 3
# expect: {"a", "b", "c"} {5}
# expect: a = 2
# expect: b = 2
# expect: nodes = {2, 2}
# expect: 2 1 0 0
# expect: l1 = [1]
# expect: l2 = [1]
# expect: ls = {[1], [1]}
# expect: 2 1 0
# expect: m = MLP of [Layer of [TanhNeuron(2)]]
# expect: 1
# expect: 1 0
# expect: 1 0 0
# expect: u = {1, 2, 3}
# expect: {1, 2, 3} {1, 2, 3, 9}
# expect: set()
# expect: 500 0 1
# expect: 1000 [0, 1, 2, 3, 4] [1, 3, 5]
# expect: w = [{1}, set()]
# expect: [{1}, set()] {1}
# expect: 0 set()
# expect: q = set()
# expect: {-1}
