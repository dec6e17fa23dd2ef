# The lecture's draw_dot is Python; the error says what mgrad draws with.
o = Value(1.0)
draw_dot(o)
# expect: o = 1
# expect-err: err_draw_dot.mg:3:1: error: unknown function 'draw_dot': mgrad draws with `dot L` (Graphviz), `tree L` and `polytree L`
# expect-err:     3 | draw_dot(o)
# expect-err:       | ^~~~~~~~~~~
# exit: 1
