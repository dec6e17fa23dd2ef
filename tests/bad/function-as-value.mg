x = tanh
tree x
# error: function-as-value.mg:2:6: error: 'tanh' is a function: call it as tanh(x) or x.tanh()
