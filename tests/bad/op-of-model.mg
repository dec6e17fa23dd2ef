m = MLP(2, [1])
m._op
# error: op-of-model.mg:2:1: error: a model has no ._op (it is a value's)
