a = Value(1)
render_graph(a, a)
# error: render-graph-two.mg:2:1: error: render_graph takes 1 argument, not 2
