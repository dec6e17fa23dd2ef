v = Value(2.0)
v.add(1)
# error: method-on-node.mg:2:1: error: a value has no method 'add' (add is a set method: s.add(x))
