# A chained comparison with a call in the middle.
def f(a) = a
print(0 < f(1) < 2)

# expect-err: err_chained_call.mg:3:18: error: a chained comparison's middle term must be a name, a number or an attribute
# expect-err:     3 | print(0 < f(1) < 2)
# expect-err:       |                  ^
# exit: 1
