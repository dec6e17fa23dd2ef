m = mlp(2, [1])
print(1 in m)
# error: in-model.mg:2:7: error: 'in' needs a list, a set or a string on its right, not a model
