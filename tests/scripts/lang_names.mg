# One rule for names (docs/language.md, "Names"): a binding the program
# makes shadows a built-in from then on; command words are commands only
# where a statement begins with one used as a command; built-in functions
# and operations are values.
print(tanh(2) < 1)
def tanh(x) = x*100; print(tanh(2))
print(2.0.tanh() < 1)
del tanh
print(tanh(2) < 1)
def len(x) = 42; print(len([1, 2]))
del len
print(len([1, 2]))
step = 0.1; print(step)
step += 0.1; print(step)
seed 1; m = neuron(2); L = m([1, 2]); backward L;
before = params(m)[0].data;
step m, 0.1
print(abs(before - 0.1 * params(m)[0].grad - params(m)[0].data) < 1e-15)
dot = 3
print(dot + 1)
dot
dot = dot * 2; dot
for zero in range(2) { print(zero) }
print, tree = 1, 2
print tree + 1
def twice(f, x) = f(f(x)); print(twice(tanh, 1))
def inc(x) = x + 1; print(twice(inc, 1))
acts = [tanh, relu]; print(acts[1](-2))
print(acts[0](0), acts[1](3))
x = len
print(x([1, 2, 3]))
print(len, relu)
def apply(relu, x) = relu(x); print(apply(abs, -4))
def make() = mlp; print(make()(2, [1]))
print(2.0.relu(), [1, 2, 3].len())

# expect: 1
# expect: 200
# expect: 1
# expect: 1
# expect: 42
# expect: 2
# expect: 0.1
# expect: 0.2
# expect: 1
# expect: dot = 3
# expect: 4
# expect: dot = 3
# expect: dot = 6
# expect: 0
# expect: 1
# expect: print = 1
# expect: tree = 2
# expect: 3
# expect: 0.642015
# expect: 3
# expect: 0
# expect: 0 3
# expect: x = <built-in function len>
# expect: 3
# expect: <built-in function len> <built-in function relu>
# expect: 4
# expect: MLP of [Layer of [TanhNeuron(2)]]
# expect: 2 3
