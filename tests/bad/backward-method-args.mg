a = Value(2.0)
a._backward(1)
# error: backward-method-args.mg:2:1: error: v._backward() takes no arguments
