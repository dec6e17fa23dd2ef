# lambda: a function as an expression, with defaults and keywords, passed
# and called as any function value.
f = lambda x: x * 2
print(f(3), (lambda: 5)(), (lambda a, b=1: a + b)(2))
g = lambda x, h=0.5: x + h
print(g(1), g(1, h=2))
def twice(f, x) = f(f(x))
print(twice(lambda v: v + 1, 0))

# expect: f = <function>
# expect: 6 5 3
# expect: g = <function>
# expect: 1.5 3
# expect: 2
