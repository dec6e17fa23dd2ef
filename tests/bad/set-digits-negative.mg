set digits -1
# error: set-digits-negative.mg:1:12: error: digits must be a whole number from 1 to 17
