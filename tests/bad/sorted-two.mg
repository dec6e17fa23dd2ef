print(sorted([1], [2]))
# error: sorted-two.mg:1:7: error: sorted takes 1 argument, not 2: sorted(xs)   sorted(xs, key=f, reverse=True)
