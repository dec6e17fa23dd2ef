a = 1
check a, a
# error: check-two.mg:2:1: error: check: wrong number of arguments; usage: check L
