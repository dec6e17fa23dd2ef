# Runaway recursion is an error, not a crash.
def f(n) = f(n + 1)
f(0)

# expect-err: err_recursion.mg:2:12: error: calls nested more than 1000 deep (does f call itself without end?)
# expect-err:     2 | def f(n) = f(n + 1)
# expect-err:       |            ^~~~~~~~
# expect-err: err_recursion.mg:2:12: note: in the call of f
# expect-err:     2 | def f(n) = f(n + 1)
# expect-err:       |            ^~~~~~~~
# expect-err: err_recursion.mg:2:12: note: in the call of f
# expect-err:     2 | def f(n) = f(n + 1)
# expect-err:       |            ^~~~~~~~
# expect-err: err_recursion.mg:2:12: note: in the call of f
# expect-err:     2 | def f(n) = f(n + 1)
# expect-err:       |            ^~~~~~~~
# expect-err: err_recursion.mg:2:12: note: in the call of f
# expect-err:     2 | def f(n) = f(n + 1)
# expect-err:       |            ^~~~~~~~
# expect-err: err_recursion.mg:3:1: note: 996 calls more, from this first one
# expect-err:     3 | f(0)
# expect-err:       | ^~~~
# exit: 1
