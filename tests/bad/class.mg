print "ran"
class A:
    x = 1
# error: class.mg:2:1: error: class definitions are not supported: Value, Neuron, Layer and MLP are built in (Value(2.0), neuron(3), layer(3, 4), mlp(3, [4, 4, 1]))
