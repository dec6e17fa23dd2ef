# x.f(args) is x's kind's method f when it has one, else f(x, args):
# micrograd's method forms keep working.
x = Value(0.5)
print(x.tanh().data, x.exp().data == exp(0.5))
m = mlp(2, [2, 1]);
print(len(m.parameters()))
m.zero_grad()
def twice(v, k) = v * k * 2
print(x.twice(3).data)
xs = [1, 2]
print(xs.len(), len(xs))
# a program's function named like a method does not hide the method
def append(a, b) = 0
xs.append(3)
print(xs, append(1, 2))

# expect: x = 0.5
# expect: 0.46211715726000974 1
# expect: 9
# expect: 3
# expect: xs = [1, 2]
# expect: 2 2
# expect: [1, 2, 3] 0
