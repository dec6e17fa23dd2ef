# import: mgrad's own math, random and micrograd, bound as Python binds
# them; `import a.b` binds a, `as` another name; a module prints as one.
import math
import random
import micrograd
from micrograd.engine import Value
from micrograd.nn import Neuron, Layer, MLP
from micrograd import nn
import micrograd.engine
import math as m, random as r
from math import exp as e, pi
print(math, random, micrograd, nn, m, r)
print(micrograd.engine, micrograd.nn, micrograd.engine.Value, nn.MLP)
print(e(0), pi, Value, Neuron, Layer, MLP)
str(math)
x = Value(2.0)
print(micrograd.engine.Value(3).data, nn.Neuron(2), nn.Layer(2, 3), nn.MLP(2, [3, 1]))

# expect: <module 'math'> <module 'random'> <module 'micrograd'> <module 'micrograd.nn'> <module 'math'> <module 'random'>
# expect: <module 'micrograd.engine'> <module 'micrograd.nn'> <built-in function Value> <built-in function MLP>
# expect: 1 3.141592653589793 <built-in function Value> <built-in function Neuron> <built-in function Layer> <built-in function MLP>
# expect: <module 'math'>
# expect: x = 2
# expect: 3 TanhNeuron(2) Layer of [TanhNeuron(2), TanhNeuron(2), TanhNeuron(2)] MLP of [Layer of [TanhNeuron(2), TanhNeuron(2), TanhNeuron(2)], Layer of [TanhNeuron(3)]]
