import random
random.gauss("a", 1)
# error: random-gauss-string.mg:2:1: error: random.gauss: mu must be a number, not a string
