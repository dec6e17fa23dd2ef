s = set()
s.append(1)
# error: method-on-set.mg:2:1: error: a set has no method 'append' (append is a list method: xs.append(x))
