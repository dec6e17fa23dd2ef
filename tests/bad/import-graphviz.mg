from graphviz import Digraph
# error: import-graphviz.mg:1:6: error: mgrad has no module 'graphviz': mgrad draws the graph with dot L or draw_dot(L)
