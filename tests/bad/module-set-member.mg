import math
math.pi = 3
# error: module-set-member.mg:2:1: error: cannot set math.pi: mgrad's modules cannot be changed
