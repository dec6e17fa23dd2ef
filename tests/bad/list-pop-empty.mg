xs = []
xs.pop()
# error: list-pop-empty.mg:2:1: error: pop from an empty list
