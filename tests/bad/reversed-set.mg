print(reversed(set([1])))
# error: reversed-set.mg:1:7: error: reversed: a set has no order to reverse (sorted(s, reverse=True) gives one)
