a = Value(1.0)
xs = [1.0]
xs.remove(a)
# error: list-remove-node.mg:3:1: error: remove: 1 is not in the list
