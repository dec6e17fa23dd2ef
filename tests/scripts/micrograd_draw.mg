# draw_dot(L), and the seeds' draw_graph and render_graph: the picture of
# dot L (DOT text outside a notebook); trace(L): [nodes, edges].
a = Value(2.0, label='a')
b = Value(-3.0, label='b')
L = a*b + 1; L.label = 'L'
draw_dot(L)
draw_graph(L)
render_graph(L)
dot = draw_dot(L)
print(dot)
nodes, edges = trace(L)
len(nodes)
len(edges)
for child, parent in edges:
  print(child.data, "->", parent.data, parent._op)
trace(a)
draw_dot(3)

# expect: a = 2
# expect: b = -3
# expect: L.label = "L"
# expect: digraph mgrad {
# expect:   rankdir=LR;
# expect:   n5 [shape=record, label="{ L | data -5 | grad 0 }"];
# expect:   n5op [label="+"];
# expect:   n5op -> n5;
# expect:   n3 -> n5op;
# expect:   n4 -> n5op;
# expect:   n3 [shape=record, label="{ a*b | data -6 | grad 0 }"];
# expect:   n3op [label="*"];
# expect:   n3op -> n3;
# expect:   n1 -> n3op;
# expect:   n2 -> n3op;
# expect:   n1 [shape=record, label="{ a | data 2 | grad 0 }"];
# expect:   n2 [shape=record, label="{ b | data -3 | grad 0 }"];
# expect:   n4 [shape=record, label="{  | data 1 | grad 0 }"];
# expect: }
# expect: digraph mgrad {
# expect:   rankdir=LR;
# expect:   n5 [shape=record, label="{ L | data -5 | grad 0 }"];
# expect:   n5op [label="+"];
# expect:   n5op -> n5;
# expect:   n3 -> n5op;
# expect:   n4 -> n5op;
# expect:   n3 [shape=record, label="{ a*b | data -6 | grad 0 }"];
# expect:   n3op [label="*"];
# expect:   n3op -> n3;
# expect:   n1 -> n3op;
# expect:   n2 -> n3op;
# expect:   n1 [shape=record, label="{ a | data 2 | grad 0 }"];
# expect:   n2 [shape=record, label="{ b | data -3 | grad 0 }"];
# expect:   n4 [shape=record, label="{  | data 1 | grad 0 }"];
# expect: }
# expect: digraph mgrad {
# expect:   rankdir=LR;
# expect:   n5 [shape=record, label="{ L | data -5 | grad 0 }"];
# expect:   n5op [label="+"];
# expect:   n5op -> n5;
# expect:   n3 -> n5op;
# expect:   n4 -> n5op;
# expect:   n3 [shape=record, label="{ a*b | data -6 | grad 0 }"];
# expect:   n3op [label="*"];
# expect:   n3op -> n3;
# expect:   n1 -> n3op;
# expect:   n2 -> n3op;
# expect:   n1 [shape=record, label="{ a | data 2 | grad 0 }"];
# expect:   n2 [shape=record, label="{ b | data -3 | grad 0 }"];
# expect:   n4 [shape=record, label="{  | data 1 | grad 0 }"];
# expect: }
# expect: digraph mgrad {
# expect:   rankdir=LR;
# expect:   n5 [shape=record, label="{ L | data -5 | grad 0 }"];
# expect:   n5op [label="+"];
# expect:   n5op -> n5;
# expect:   n3 -> n5op;
# expect:   n4 -> n5op;
# expect:   n3 [shape=record, label="{ a*b | data -6 | grad 0 }"];
# expect:   n3op [label="*"];
# expect:   n3op -> n3;
# expect:   n1 -> n3op;
# expect:   n2 -> n3op;
# expect:   n1 [shape=record, label="{ a | data 2 | grad 0 }"];
# expect:   n2 [shape=record, label="{ b | data -3 | grad 0 }"];
# expect:   n4 [shape=record, label="{  | data 1 | grad 0 }"];
# expect: }
# expect: dot = None
# expect: None
# expect: nodes = [2, -3, -6, 1, -5]
# expect: edges = [[2, -6], [-3, -6], [-6, -5], [1, -5]]
# expect: 5
# expect: 4
# expect: 2 -> -6 *
# expect: -3 -> -6 *
# expect: -6 -> -5 +
# expect: 1 -> -5 +
# expect: [[2], []]
# expect: digraph mgrad {
# expect:   rankdir=LR;
# expect:   n6 [shape=record, label="{  | data 3 | grad 0 }"];
# expect: }
