from math import factorial
# error: import-member-unknown.mg:1:18: error: module 'math' has no 'factorial' in mgrad (it has exp, log, tanh, sqrt, sin, cos, pi, e, inf)
