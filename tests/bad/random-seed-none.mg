import random
random.seed()
# error: random-seed-none.mg:2:1: error: random.seed takes 1 argument, not 0
