2.tanh()
# error: syntax-method-on-number.mg:1:1: error: invalid number: 2.tanh
