x = 1.2.3
# error: number-two-points.mg:1:8: error: expected end of line, found number .3
