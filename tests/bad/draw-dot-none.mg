draw_dot()
# error: draw-dot-none.mg:1:1: error: draw_dot takes 1 argument, not 0
