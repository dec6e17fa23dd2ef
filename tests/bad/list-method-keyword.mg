xs = [1]
xs.append(x=1)
# error: list-method-keyword.mg:2:1: error: append has no argument called 'x': xs.append(x)
