# random's members are mgrad's one generator: random.seed(n) is seed n,
# random.random() is rand(), random.uniform(a, b) is uniform(a, b).
import random
random.seed(1337)
a = [random.random(), random.uniform(-1, 1), random.gauss(0, 1)]
seed 1337
b = [rand(), uniform(-1, 1), randn()]
a == b
random.seed(7)
xs = [random.choice([10, 20, 30]) for i in range(8)]
print(xs)
random.seed(7)
print(random.gauss(), random.gauss(2, 0.5))
w = [Value(random.uniform(-1,1)) for _ in range(3)]
len(w)

# expect: a = [0.6759434119590045, 0.6289472960898503, 0.763820813551606]
# expect: b = [0.6759434119590045, 0.6289472960898503, 0.763820813551606]
# expect: 1
# expect: xs = [10, 30, 10, 20, 30, 30, 20, 20]
# expect: [10, 30, 10, 20, 30, 30, 20, 20]
# expect: 0.5260592571920805 1.7067223855830536
# expect: w = [0.6792549237528396, 0.9621954500298702, 0.9817205576661365]
# expect: 3
