2(3)
# error: syntax-call-on-number.mg:1:1: error: 'the value called' is a number, not a function
