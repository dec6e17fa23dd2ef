x = 2
x.append(1)
# error: method-on-number.mg:2:1: error: a value has no method 'append' (append is a list method: xs.append(x))
