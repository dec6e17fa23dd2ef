xs = [1]
xs.reverse(1)
# error: list-reverse-arg.mg:2:1: error: reverse takes 0 arguments, not 1: xs.reverse()
