y = 2
explain y -1
# error: explain-lines-negative.mg:2:11: error: explain's line limit must be a whole number from 1 to 1000000000
