xs = [1]
xs.push(1)
# error: method-unknown.mg:2:1: error: a list has no method 'push' (help functions lists the methods)
