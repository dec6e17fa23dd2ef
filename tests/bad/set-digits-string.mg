set digits "8"
# error: set-digits-string.mg:1:12: error: digits must be a whole number from 1 to 17
