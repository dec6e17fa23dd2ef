set digits 18
# error: set-digits-18.mg:1:12: error: digits must be a whole number from 1 to 17
