xs = [1]
f = xs.append
# error: method-as-attribute.mg:2:5: error: .append is a method: call it, as in xs.append(x)
