import math
math.exp(1, 2)
# error: math-exp-two.mg:2:1: error: exp takes 1 argument, not 2
