import math
math + 1
# error: module-arith.mg:2:1: error: cannot add a module and a number
