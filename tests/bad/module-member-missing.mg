import math
math.pow(2, 3)
# error: module-member-missing.mg:2:1: error: module 'math' has no 'pow' in mgrad (it has exp, log, tanh, sqrt, sin, cos, pi, e, inf)
