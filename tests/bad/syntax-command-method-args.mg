x = 1
x.backward(1)
# error: syntax-command-method-args.mg:2:12: error: expected ')', found number 1
