# None is false, as in Python: a default of None tested with if
def loss(batch_size=None):
    if batch_size:
        return batch_size
    return -1
print(loss(), loss(32))
print(not None, None is None)
x = None
print(1 if x else 0)

# expect: -1 32
# expect: 1 1
# expect: x = None
# expect: 0
