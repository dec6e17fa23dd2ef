a = 1
explain a, 1, 2
# error: explain-three.mg:2:1: error: explain: wrong number of arguments; usage: explain L [max_lines]
