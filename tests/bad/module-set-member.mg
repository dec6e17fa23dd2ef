import math
math.pi = 3
# error: module-set-member.mg:2:1: error: cannot set .pi of a module: mgrad's modules cannot be changed
