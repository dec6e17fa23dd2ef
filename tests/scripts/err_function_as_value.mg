f = tanh

# expect-err: err_function_as_value.mg:1:5: error: 'tanh' is a function: call it as tanh(x) or x.tanh()
# expect-err:     1 | f = tanh
# expect-err:       |     ^~~~
# exit: 1
