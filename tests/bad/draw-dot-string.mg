draw_dot("L")
# error: draw-dot-string.mg:1:1: error: draw_dot: expected a value (a node of the graph, as L), not a string
