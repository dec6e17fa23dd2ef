# A parameter or a local may hold a function or a model and be called, as
# in Python; a local that holds something else, or nothing yet, is an error.
def sq(x) = x*x
def twice(f, x) = f(f(x))
twice(sq, 3)
seed 1
m = mlp(2, [1]);
def predict(net, x) = net(x)
predict(m, [1, 2]).data == m([1, 2]).data
def pick() { g = sq; return g(5) }
pick()
def bad(k) = k(2)
bad(3)
# expect: 81
# expect: 1
# expect: 25
# expect-err: lang_call_local.mg:12:14: error: 'k' is a number, not a function
# expect-err:    12 | def bad(k) = k(2)
# expect-err:       |              ^~~~
# expect-err: lang_call_local.mg:13:1: note: in the call of bad
# expect-err:    13 | bad(3)
# expect-err:       | ^~~~~~
# exit: 1
