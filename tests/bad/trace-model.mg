trace(MLP(2, [1]))
# error: trace-model.mg:1:1: error: trace: expected a value (a node of the graph, as L), not a model
