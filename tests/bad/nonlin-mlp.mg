MLP(2, [1], nonlin=False)
# error: nonlin-mlp.mg:1:1: error: mlp has no argument called 'nonlin'
