a = 1
explain a, "x"
# error: explain-lines-string.mg:2:12: error: explain's line limit must be a whole number from 1 to 1000000000
