print(map(lambda x, y: x, [1]))
# error: map-arity.mg:1:7: error: lambda is missing its argument 'y'
