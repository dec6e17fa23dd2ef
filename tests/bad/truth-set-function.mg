def f(x) = x
if f { print(1) }
# error: truth-set-function.mg:2:4: error: a function has no truth value
