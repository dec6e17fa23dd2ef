"""bench/micrograd_moons.py — micrograd's moons demo, for `make bench`'s
ratio: the restated micrograd of tests/micrograd/micrograd.py trains from
its initial weights (drawn by Python's random, seed 1337, as the demo does)
for N steps, and prints the seconds they took.

    python3 bench/micrograd_moons.py N      prints: seconds for N steps
"""
import os
import random
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "tests", "micrograd"))
from micrograd import MLP, moons_data, moons_step  # noqa: E402

steps = int(sys.argv[1])
random.seed(1337)
X, y = moons_data()
model = MLP(2, [16, 16, 1])
for p in model.parameters():
    p.data = random.uniform(-1, 1)
start = time.perf_counter()
for k in range(steps):
    moons_step(model, X, y, k)
print("%.3f" % (time.perf_counter() - start))
