xs = [1]
xs.add(1)
# error: method-on-list.mg:2:1: error: a list has no method 'add' (add is a set method: s.add(x))
