import math
math.pi()
# error: module-number-called.mg:2:1: error: 'pi' is a number, not a function
