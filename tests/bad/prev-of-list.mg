xs = [1, 2]
xs._prev
# error: prev-of-list.mg:2:1: error: a list has no ._prev (it is a value's)
