xs = [1, 2]
xs.insert("a", 3)
# error: list-insert-string.mg:2:1: error: insert: the place must be a whole number, not a string
