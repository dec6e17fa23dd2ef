print(round(1.5, 0.5))
# error: round-digits.mg:1:7: error: round: the number of decimals must be a whole number from -308 to 308
