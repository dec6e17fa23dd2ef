xs = [Value(1)]
xs._backward()
# error: backward-method-list.mg:2:1: error: a list has no method '_backward' (_backward is a value method: v._backward())
