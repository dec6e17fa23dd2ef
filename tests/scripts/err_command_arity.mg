a = 1
backward

# expect: a = 1
# expect-err: err_command_arity.mg:2:1: error: backward: wrong number of arguments; usage: backward L   or   L.backward()
# expect-err:     2 | backward
# expect-err:       | ^~~~~~~~
# exit: 1
