# Default and keyword arguments of a def, as Python's: h=e runs e when a
# call gives no h; a keyword argument names its parameter.
def f(x, h=0.001):
    return x + h
print(f(1), f(1, 2), f(1, h=5), f(h=3, x=10))
def loss(batch_size=None):
    if batch_size is None:
        return "all"
    return batch_size
print(loss(), loss(10), loss(batch_size=3))
def k(x) = x * 2
print(k(x=4))

# expect: 1.001 3 6 13
# expect: all 10 3
# expect: 8
