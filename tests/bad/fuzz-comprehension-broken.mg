xs = [y for y in [1, 2] if ]
for k in range(2) { z = [w for w in }
# error: fuzz-comprehension-broken.mg:1:28: error: expected an expression, found ']'
