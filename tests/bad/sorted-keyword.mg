print(sorted([1], foo=1))
# error: sorted-keyword.mg:1:7: error: sorted has no argument called 'foo': sorted(xs)   sorted(xs, key=f, reverse=True)
