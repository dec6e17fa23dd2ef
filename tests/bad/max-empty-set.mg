print(max(set()))
# error: max-empty-set.mg:1:7: error: max of an empty set
