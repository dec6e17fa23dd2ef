f = tanh
tree f

# expect: f = <built-in function tanh>
# expect-err: err_function_as_value.mg:2:6: error: 'tanh' is a function: call it as tanh(x) or x.tanh()
# expect-err:     2 | tree f
# expect-err:       |      ^
# exit: 1
