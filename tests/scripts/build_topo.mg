# The lecture's topological sort, with a set of visited nodes and a list
# grown inside a def (lists stand for the nodes' _prev here: each graph
# node is [value, children]). A tree of 20 000 nodes.
n = 20000;
g = [[Value(k), []] for k in range(n)];
for k in range(n):
  if 2*k+1 < n:
    g[k][1].append(g[2*k+1])
  if 2*k+2 < n:
    g[k][1].append(g[2*k+2])
topo = []
visited = set()
def build_topo(v):
  if v not in visited:
    visited.add(v)
    for child in v[1]:
      build_topo(child)
    topo.append(v)
build_topo(g[0])
print(len(topo), len(visited), topo[-1][0].data, topo[0][0].data)
# every child comes before its parent
place = [0 for k in range(n)];
for i, v in enumerate(topo) {
    place[int(v[0].data)] = i
}
print(all([place[k] > place[2*k+1] for k in range(n) if 2*k+1 < n]))
# the same on a small graph of real nodes, its children listed by hand
a = Value(2.0, label="a")
b = Value(-3.0, label="b")
c = Value(10.0, label="c")
e = a*b; e.label = "e"
d = e + c; d.label = "d"
prev = [[d, [e, c]], [e, [a, b]], [a, []], [b, []], [c, []]];
def children(v) = [p[1] for p in prev if p[0] is v][0]
order = []
seen = set()
def visit(v):
  if v not in seen:
    seen.add(v)
    for child in children(v):
      visit(child)
    order.append(v)
visit(d)
print([v.label for v in order])
print([v.label for v in reversed(order)])

# expect: topo = []
# expect: visited = set()
# expect: 20000 20000 0 16383
# expect: 1
# expect: a = 2
# expect: b = -3
# expect: c = 10
# expect: e.label = "e"
# expect: d.label = "d"
# expect: order = []
# expect: seen = set()
# expect: ["a", "b", "e", "c", "d"]
# expect: ["d", "c", "e", "b", "a"]
