print(min([]))
# error: min-empty.mg:1:7: error: min of an empty list
