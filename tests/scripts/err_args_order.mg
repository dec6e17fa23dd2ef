# A def's arguments: order.
def f(x=1, h) = x

# expect-err: err_args_order.mg:2:12: error: a parameter without a default cannot follow one with a default
# expect-err:     2 | def f(x=1, h) = x
# expect-err:       |            ^
# exit: 1
