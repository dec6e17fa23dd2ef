import random as rand
rand()
# error: module-shadowed-builtin.mg:2:1: error: 'rand' is a module, not a function
