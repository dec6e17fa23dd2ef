draw_graph([1, 2])
# error: draw-graph-list.mg:1:1: error: draw_graph: expected a value (a node of the graph, as L), not a list
