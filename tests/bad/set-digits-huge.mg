set digits 1e300
# error: set-digits-huge.mg:1:12: error: digits must be a whole number from 1 to 17
