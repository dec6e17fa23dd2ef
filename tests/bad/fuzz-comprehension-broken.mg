xs = [y for y in [1, 2] if ]
for k in range(2) { z = [w for w in }
