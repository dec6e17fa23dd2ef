import random
random(1)
# error: module-called.mg:2:1: error: 'random' is a module, not a function
