7 % 2
# error: char-percent.mg:1:3: error: unexpected character '%'; there is no remainder operator
