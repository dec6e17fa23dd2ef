xs = ["a"]
xs.remove("b")
# error: list-remove-absent.mg:2:1: error: remove: "b" is not in the list
