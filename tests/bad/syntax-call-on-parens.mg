(1)(2)
# error: syntax-call-on-parens.mg:1:1: error: 'the value called' is a number, not a function
