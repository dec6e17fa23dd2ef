import random
random.seed("x")
# error: random-seed-string.mg:2:1: error: random.seed: the seed must be a number, not a string
