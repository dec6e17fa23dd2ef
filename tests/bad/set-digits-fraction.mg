set digits 2.5
# error: set-digits-fraction.mg:1:12: error: digits must be a whole number from 1 to 17
