x = 12abc
# error: number-letter-suffix.mg:1:5: error: invalid number: 12abc
