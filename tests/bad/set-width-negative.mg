set width -1
# error: set-width-negative.mg:1:11: error: width must be a whole number from 20 to 100000
