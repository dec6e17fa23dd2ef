import random
random.choice([])
# error: random-choice-empty.mg:2:1: error: random.choice: the list is empty
