x = 1
x.backward(1)
# error: syntax-command-method-args.mg:2:1: error: x.backward() takes nothing in its parentheses (as a command: backward x ...)
