# math's members: mgrad's own functions and numbers. On a number they
# give a number; on a value they are the graph's operation, as exp(x).
import math
print(math.exp(1), math.log(math.e), math.tanh(0.5), math.sqrt(2))
print(math.sin(1), math.cos(1), math.pi, math.e, math.inf, -math.inf)
x = Value(0.5, label='x')
y = math.exp(2*x)
print(y._op, y.data)
t = (math.exp(2*x) - 1)/(math.exp(2*x) + 1)
backward t
print(math.log(x)._op, math.tanh(x)._op, math.sqrt(x)._op)
print(math.sin(x)._op, math.cos(x)._op)
# a binding shadows the module's name, as any other
math = 3
math + 1

# expect: 2.718281828459045 1 0.46211715726000974 1.4142135623730951
# expect: 0.8414709848078965 0.5403023058681398 3.141592653589793 2.718281828459045 inf -inf
# expect: x = 0.5
# expect: y = 2.718281828459045
# expect: exp 2.718281828459045
# expect: t = 0.46211715726000974
# expect: dt/dx = 0.7864477329659273
# expect: log tanh sqrt
# expect: sin cos
# expect: math = 3
# expect: 4
