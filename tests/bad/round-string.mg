print(round("a"))
# error: round-string.mg:1:7: error: round: x must be a number, not a string
