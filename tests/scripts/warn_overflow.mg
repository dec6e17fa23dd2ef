# Overflow to infinity is a warning, not an error.
x = exp(1000)
y = 1e200 * 1e200
print x, y, -x

# expect: x = inf
# expect: y = inf
# expect: inf inf -inf
# expect-err: warn_overflow.mg:2:5: warning: exp overflowed to inf
# expect-err:     2 | x = exp(1000)
# expect-err:       |     ^~~~~~~~~
# expect-err: warn_overflow.mg:3:5: warning: mul overflowed to inf
# expect-err:     3 | y = 1e200 * 1e200
# expect-err:       |     ^~~~~~~~~~~~~
