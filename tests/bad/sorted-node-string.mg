a = Value(1.0)
print(sorted([a, "b"]))
# error: sorted-node-string.mg:2:7: error: cannot order a string and a value
