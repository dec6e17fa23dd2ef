# Each parameter needs its own name: def f(x, x) is refused, as Python
# refuses it, and nothing in the text runs.
print 1
def h(a, b, a) = a
# expect-err: err_param_twice.mg:4:13: error: duplicate parameter name in a def
# expect-err:     4 | def h(a, b, a) = a
# expect-err:       |             ^
# exit: 1
