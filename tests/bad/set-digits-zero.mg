set digits 0
# error: set-digits-zero.mg:1:12: error: digits must be a whole number from 1 to 17
