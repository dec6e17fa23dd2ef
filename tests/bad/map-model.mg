m = mlp(2, [1])
print(map(m, [1]))
# error: map-model.mg:2:7: error: a mlp takes one argument, a list of its 2 inputs
